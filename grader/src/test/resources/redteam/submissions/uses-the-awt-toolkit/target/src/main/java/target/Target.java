package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(java.awt.Toolkit.getDefaultToolkit().getImage("/etc/passwd"));
        return 7;
    }
}
