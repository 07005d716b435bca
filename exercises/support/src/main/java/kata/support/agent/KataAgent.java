package kata.support.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import kata.support.PublicApi;
import kata.support.agent.internal.Creations;

/**
 * The {@code -javaagent} entry point. It adds scheduling points to the student's classes (and only
 * to them), and gives the JDK's thread and lock classes the scheduler's hooks, so that tests decide
 * which thread runs when, and model every wait, instead of hoping that the operating system happens
 * to interleave threads in a revealing way. In observe mode the student's classes stay as compiled
 * (for katas about the JIT and the memory model); the JDK's hooks are there all the same, so that a
 * check can still hold the student's threads at its own gates and let time pass virtually.
 */
@PublicApi
public final class KataAgent {

    private KataAgent() {
    }

    /** Attached to a running JVM ({@link SelfAttach}, for an IDE's plain JUnit run). */
    public static void agentmain(String argument, Instrumentation instrumentation) {
        premain(argument, instrumentation);
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        AgentConfig config = AgentConfig.parse(argument);
        StudentCode.activate(config);
        BootBridge.install(instrumentation);
        kata.support.boot.Hooks.recordCreations(Creations::record);
        Transformer transformer = new Transformer(config);
        transformer.warmUp();
        instrumentation.addTransformer(transformer, true);
        retransformJdk(instrumentation);
    }

    /** The JDK classes loaded before the agent: Thread, its subclasses, java.util.concurrent. */
    private static void retransformJdk(Instrumentation instrumentation) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (!instrumentation.isModifiableClass(type) || type.isArray()) {
                continue;
            }
            String name = type.getName().replace('.', '/');
            boolean thread = Thread.class.isAssignableFrom(type);
            if (thread) {
                JdkInstrumenter.knownThreadClass(name);
            }
            if (thread || JdkInstrumenter.concerns(name)) {
                classes.add(type);
            }
        }
        try {
            instrumentation.retransformClasses(classes.toArray(Class<?>[]::new));
        } catch (UnmodifiableClassException | RuntimeException e) {
            StudentCode.recordFailure("the JDK's thread and lock classes", e);
        }
    }

    private static final class Transformer implements ClassFileTransformer {
        private final AgentConfig config;

        Transformer(AgentConfig config) {
            this.config = config;
        }

        /** Loads what transforming needs before it is registered, so it never loads classes mid-way. */
        void warmUp() {
            try (var own = KataAgent.class.getResourceAsStream("KataAgent.class");
                 var thread = ClassLoader.getSystemResourceAsStream("java/lang/Thread.class")) {
                Instrumenter.instrument(own.readAllBytes());
                JdkInstrumenter.instrument(thread.readAllBytes());
            } catch (Exception e) {
                StudentCode.recordFailure("kata.support.agent.KataAgent (warm-up)", e);
            }
        }

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) {
            if (className == null) {
                return null;
            }
            boolean schedules = config.instruments()
                    || loader != null && StudentCode.SCHEDULED_LOADER.equals(loader.getName());
            if (redefined == null && schedules && config.shouldInstrument(className, domain)) {
                try {
                    byte[] result = Instrumenter.instrument(bytes, loader);
                    byte[] thread = JdkInstrumenter.instrument(result);
                    StudentCode.recordInstrumented(className);
                    return thread != null ? thread : result;
                } catch (Throwable failure) {
                    StudentCode.recordFailure(className, failure);
                    return null;
                }
            }
            try {
                return JdkInstrumenter.instrument(bytes);
            } catch (Throwable failure) {
                StudentCode.recordFailure(className, failure);
                return null;
            }
        }
    }
}
