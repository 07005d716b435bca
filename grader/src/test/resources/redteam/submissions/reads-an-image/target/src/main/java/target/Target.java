package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            System.out.println(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(new byte[0])));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
