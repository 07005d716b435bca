package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            java.util.logging.Logger.getGlobal().addHandler(new java.util.logging.FileHandler("leak.log"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
