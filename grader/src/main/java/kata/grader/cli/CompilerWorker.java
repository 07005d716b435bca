package kata.grader.cli;

import java.io.IOException;
import java.io.PrintStream;
import kata.grader.compile.CompilerProcess;

/**
 * The main class of the JVM in which the grader compiles students' sources ({@link CompilerProcess}).
 * Its standard output carries the responses: anything else printed goes to standard error.
 */
public final class CompilerWorker {

    private CompilerWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream responses = System.out;
        System.setOut(System.err);
        CompilerProcess.serve(System.in, responses);
    }
}
