package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        java.util.List<long[]> hoard = new java.util.ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
