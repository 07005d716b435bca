package probe;

public class Probe {
    public int answer() {
        return 42;
    }

    public void say(String text) {
        System.out.println(text);
    }
}
