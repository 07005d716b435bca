package target;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            MethodHandles.lookup().findStatic(System.class, "exit", MethodType.methodType(void.class, int.class)).invoke(0);
        } catch (Throwable ignored) {
            return 0;
        }
        return 7;
    }
}
