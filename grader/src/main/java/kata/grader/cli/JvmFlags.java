package kata.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import kata.grader.run.JvmOptions;
import kata.grader.run.OsSandbox;
import picocli.CommandLine.Option;

/** Options for the JVM that runs students' code, shared by the commands that grade. */
final class JvmFlags {

    @Option(names = "--one-cpu", description = "Pin each test JVM to one CPU (taskset), as on small graders; the gradings at once are spread over the CPUs.")
    boolean oneCpu;

    @Option(names = "--java", paramLabel = "<java>",
            description = "The java executable for the test JVM (default: the one running the grader).")
    Path java;

    @Option(names = "--sandbox", paramLabel = "<mode>", defaultValue = "auto",
            converter = SandboxModeConverter.class,
            description = "Run each test JVM in an operating-system sandbox (bubblewrap): auto (where the host"
                    + " allows it, with a warning where not), required (refuse to grade without it) or off."
                    + " Default: ${DEFAULT-VALUE}.")
    OsSandbox.Mode sandbox;

    /** The options; under {@code auto}, a warning on {@code err} when the host has no sandbox to give. */
    JvmOptions options(PrintWriter err) {
        JvmOptions options = JvmOptions.defaults().onOneCpu(oneCpu).withSandbox(sandbox);
        options = java == null ? options : options.withJava(java);
        if (sandbox == OsSandbox.Mode.AUTO) {
            OsSandbox.probe(options.java()).ifPresent(why -> err.println("warning: test JVMs run without an"
                    + " operating-system sandbox (" + why + "); only the static rules on students' code guard this"
                    + " machine. Install bubblewrap (apt-get install bubblewrap) or pass --sandbox required."));
        }
        return options;
    }

    /** Accepts the modes in lower case, as the help text shows them. */
    static final class SandboxModeConverter implements picocli.CommandLine.ITypeConverter<OsSandbox.Mode> {
        @Override
        public OsSandbox.Mode convert(String value) {
            for (OsSandbox.Mode mode : OsSandbox.Mode.values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a sandbox mode; use auto, required or off");
        }
    }
}
