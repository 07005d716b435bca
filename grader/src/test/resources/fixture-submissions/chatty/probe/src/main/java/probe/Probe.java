package probe;

public class Probe {
    public int answer() {
        return 42;
    }

    public void say(String text) {
        for (int i = 0; i < 20_000; i++) {
            System.out.println(text + " " + i);
        }
    }
}
