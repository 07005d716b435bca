package probe;

public class Probe {
    private volatile boolean forever = true;

    public int answer() {
        while (forever) {
            Thread.onSpinWait();
        }
        return 42;
    }

    public void say(String text) {
        System.out.println(text);
    }
}
