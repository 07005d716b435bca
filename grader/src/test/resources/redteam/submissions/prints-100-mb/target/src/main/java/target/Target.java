package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        String line = "x".repeat(1023);
        for (int i = 0; i < 100 * 1024; i++) {
            System.out.println(line);
        }
        return 7;
    }
}
