package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        return 7;
    }
}
