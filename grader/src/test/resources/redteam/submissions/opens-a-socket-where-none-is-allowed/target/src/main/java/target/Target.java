package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try (java.net.Socket socket = new java.net.Socket("example.com", 80)) {
            return 7;
        } catch (java.io.IOException e) {
            return 7;
        }
    }
}
