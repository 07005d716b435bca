package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try (java.io.PrintStream out = new java.io.PrintStream("leak.txt")) {
            out.println("leak");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
