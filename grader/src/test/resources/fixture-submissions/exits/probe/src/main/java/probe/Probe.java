package probe;

public class Probe {
    public int answer() {
        System.exit(7);
        return 42;
    }

    public void say(String text) {
        System.out.println(text);
    }
}
