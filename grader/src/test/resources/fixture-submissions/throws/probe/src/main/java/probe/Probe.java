package probe;

public class Probe {
    public int answer() {
        throw new IllegalStateException("broken on purpose");
    }

    public void say(String text) {
        System.out.println(text);
    }
}
