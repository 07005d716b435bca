package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(new javax.script.ScriptEngineManager().getEngineFactories());
        return 7;
    }
}
