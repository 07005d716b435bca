package probe;

public class Probe {
    public long answer(int question) {
        return 42;
    }

    public void say(String text) {
        System.out.println(text);
    }
}
