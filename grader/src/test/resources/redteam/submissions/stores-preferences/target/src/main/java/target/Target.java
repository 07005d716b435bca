package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        java.util.prefs.Preferences.userRoot().put("kata", "leak");
        return 7;
    }
}
