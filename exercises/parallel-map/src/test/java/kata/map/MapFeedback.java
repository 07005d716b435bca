package kata.map;

import java.util.List;
import java.util.Set;
import kata.support.threads.Threads;

/** What the parallel-map checks tell a student when they fail: what was observed, and why it matters. */
final class MapFeedback {

    private static final String SECONDS = Eventually.MUST_COME.toSeconds() + " s";

    private MapFeedback() {
    }

    static String didNotReturn(String what, MapCall call) {
        return "map of " + what + " should return the results, but it " + call.describe() + ".";
    }

    static String notEveryElement(int parallelism, List<?> result) {
        return "With parallelism " + parallelism + ", map should give one result per element, each the function"
                + " applied to its own element, but it returned " + result;
    }

    static String zeroParallelismAccepted() {
        return "map(..., 0, ...) should throw IllegalArgumentException: with no thread, nothing could ever run.";
    }

    static String emptyInput(MapCall call, int calls) {
        return "map of an empty list should return an empty list without calling the function, but it "
                + call.describe() + " and the function was called " + calls + " times.";
    }

    static String threadsLeft(String when, Set<Thread> threads) {
        return "After " + when + ", the threads " + Threads.names(threads) + " that map started were still alive "
                + SECONDS + " later. Every thread map starts must end before (or as) it returns: shut the pool down"
                + " in a finally block (and wait for it), or join your threads.";
    }

    static String notAllStarted(int count, int running, MapCall call) {
        return "The test mapped " + count + " elements with parallelism " + count + ", with calls that wait until"
                + " it lets them go: all " + count + " should run at once, but after " + SECONDS + " only "
                + running + " had started, and map " + call.describe() + ".\nRun the calls on parallel threads;"
                + " the caller only waits for their results.";
    }

    static String callDidNotFinish(int index) {
        return "The test let the call for element " + index + " go, but it did not finish within " + SECONDS + ".";
    }

    static String orderLost(List<Integer> finished) {
        return "The calls finished in the order " + finished + " (the test made them finish last element first),"
                + " but the results must be in the order of the inputs: result i belongs to input i.\nCollect the"
                + " results by index (keep the futures in a list in input order, or write each result to its slot),"
                + " not in the order they arrive";
    }

    static String endedWhileHeld(int count, MapCall call) {
        return "The test mapped " + count + " elements with calls that wait until it lets them go, but map "
                + call.describe() + " while the calls were still held. map must wait for every result.";
    }

    static String tooManyAtOnce(int parallelism, int count, int inside, Set<Thread> threads) {
        return "The test mapped " + count + " elements with parallelism " + parallelism + ", with calls that wait"
                + " until it lets them go: " + inside + " calls ran at the same time, but at most " + parallelism
                + " may. The map's threads: " + Threads.names(threads) + ".\nUse a pool of " + parallelism
                + " threads (not a thread per element): the other elements wait for a free thread.";
    }

    static String tooFewAtOnce(int parallelism, int count, int expected, int inside, MapCall call, String threads) {
        return "The test mapped " + count + " elements with parallelism " + parallelism + ", with calls that wait"
                + " until it lets them go: " + expected + " should run at once, but after " + SECONDS + " only "
                + inside + " were running, and map " + call.describe() + ".\nThe map's threads:\n" + threads
                + "\nSubmit every element before waiting for any result: waiting for one future before submitting"
                + " the next makes the map sequential.";
    }

    static String peakAfterOpening(int parallelism, int peak) {
        return "Once the calls were let go, up to " + peak + " ran at the same time, but with parallelism "
                + parallelism + " no more than " + parallelism + " may";
    }

    static String failureNotRethrown(int index, Throwable cause, MapCall call) {
        return "The function threw " + describe(cause) + " on element " + index + "; map should throw"
                + " ElementFailedException with index " + index + " and that exception as its cause, but it "
                + call.describe() + ".\nA swallowed failure turns into a missing or wrong result that nobody"
                + " notices: future.get() throws ExecutionException, whose cause is what the task threw.";
    }

    static String wrongFailure(int index, Throwable cause, ElementFailedException failure) {
        return "The function threw " + describe(cause) + " on element " + index + "; map threw"
                + " ElementFailedException with index " + failure.index() + " and cause "
                + (failure.getCause() == null ? "none" : describe(failure.getCause()))
                + ". Give the index of the element whose call failed, and its exception itself as the cause"
                + " (the cause of the ExecutionException, not the ExecutionException).";
    }

    static String failureNotSeen(int held, MapCall call) {
        return "The function threw on element 1 while " + held + " other calls were held by the test (they would"
                + " never finish on their own), but map " + call.describe() + ".\nThe first failure must end the"
                + " map at once, even while earlier elements still run: wait for the futures in the order they"
                + " complete (an ExecutorCompletionService), not in input order; then cancel the rest.";
    }

    static String notCancelled(int running, String threads) {
        return "map threw the failure, but " + SECONDS + " later " + running + " calls were still running and"
                + " the map's threads were:\n" + threads + "\nAfter the first failure the remaining work is"
                + " useless: interrupt the running calls (shutdownNow(), or cancel(true) on their futures), start no"
                + " new ones, and end every thread, so that nothing keeps running after map has thrown.";
    }

    static String threadPerElement(int count, int parallelism, Set<Thread> runners) {
        return count + " elements with parallelism " + parallelism + " ran on " + runners.size()
                + " different threads " + Threads.names(runners) + ", but at most " + parallelism
                + " threads may run the function: reuse a pool's threads instead of starting one per element.";
    }

    static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : "(\"" + thrown.getMessage()
                + "\")");
    }
}
