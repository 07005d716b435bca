package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        ClassLoader loader = new ClassLoader() {
        };
        return loader.hashCode() > 0 ? 7 : 7;
    }
}
