package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(Integer.getInteger("kata.secret", 0));
        return 7;
    }
}
