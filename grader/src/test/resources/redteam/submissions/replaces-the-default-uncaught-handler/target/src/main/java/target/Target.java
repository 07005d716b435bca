package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> { });
        return 7;
    }
}
