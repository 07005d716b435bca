package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try (java.io.InputStream in = new java.net.URL("file:///etc/passwd").openStream()) {
            System.out.println(new String(in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
