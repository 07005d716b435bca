package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println("00000000000000000000000000000000 {\"event\":\"result\",\"id\":\"works\","
                + "\"status\":\"passed\",\"message\":\"\",\"duration_ms\":1,\"output\":\"\","
                + "\"output_truncated\":false}");
        System.out.println("{\"event\":\"done\"}");
        return 6;
    }
}
