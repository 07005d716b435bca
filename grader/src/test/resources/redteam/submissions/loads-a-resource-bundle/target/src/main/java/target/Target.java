package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(java.util.ResourceBundle.getBundle("target.TargetHiddenTest"));
        return 7;
    }
}
