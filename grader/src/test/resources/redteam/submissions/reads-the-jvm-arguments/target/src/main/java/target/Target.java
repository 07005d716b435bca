package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        return 7;
    }
}
