package kata.grader.sandbox;

/**
 * One forbidden use in the student's code.
 *
 * @param file   the source file, as in the student's repository ({@code src/main/java/probe/Probe.java})
 * @param line   its line, 0 when the class file does not say (a field's or parameter's type)
 * @param what   what the code does there ({@code calls System.exit(int)})
 * @param reason why that is not allowed
 * @param source the text of that line, empty when unknown
 */
public record Violation(String file, int line, String what, String reason, String source) {

    /** {@code src/main/java/probe/Probe.java:7}, or the file alone when the line is unknown. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
