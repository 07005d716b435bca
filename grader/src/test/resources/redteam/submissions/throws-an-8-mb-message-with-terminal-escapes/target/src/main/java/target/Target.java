package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        // Clears the screen and sets the terminal's title, then a lone surrogate, then 8 MB.
        throw new IllegalStateException("\u001b[2J\u001b]0;owned\u0007\ud800" + "x".repeat(8_000_000));
    }
}
