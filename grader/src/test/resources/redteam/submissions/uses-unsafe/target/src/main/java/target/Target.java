package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        return sun.misc.Unsafe.ARRAY_INT_BASE_OFFSET > 0 ? 7 : 0;
    }
}
