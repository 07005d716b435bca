package target;

public class Target {

    static final class Sneaky extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }
    }

    public int answer() {
        return 42;
    }

    public int work() {
        throw new Sneaky();
    }
}
