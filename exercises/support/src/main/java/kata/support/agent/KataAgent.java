package kata.support.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The {@code -javaagent} entry point. It adds scheduling points to the student's classes (and
 * only to them) so that tests can decide which thread runs when, instead of hoping that the
 * operating system happens to interleave threads in a revealing way.
 */
public final class KataAgent {

    private KataAgent() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        AgentConfig config = AgentConfig.parse(argument);
        StudentCode.activate(config);
        if (config.instruments()) {
            instrumentation.addTransformer(new Transformer(config), false);
        }
    }

    private static final class Transformer implements ClassFileTransformer {
        private final AgentConfig config;

        Transformer(AgentConfig config) {
            this.config = config;
        }

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) {
            if (className == null || redefined != null || !config.shouldInstrument(className, domain)) {
                return null;
            }
            try {
                byte[] result = Instrumenter.instrument(bytes);
                StudentCode.recordInstrumented(className);
                return result;
            } catch (Throwable failure) {
                StudentCode.recordFailure(className, failure);
                return null;
            }
        }
    }
}
