package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(jdk.jshell.JShell.create().eval("1 + 1"));
        return 7;
    }
}
