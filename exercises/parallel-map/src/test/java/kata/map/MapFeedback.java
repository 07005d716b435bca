package kata.map;

import java.util.List;

/** What the parallel-map checks tell a student when they fail: what was observed, and why it matters. */
final class MapFeedback {

    private MapFeedback() {
    }

    static String didNotReturn(String what, MapScene scene) {
        return "map of " + what + " should return the results, but it " + scene.describeEnding() + ".";
    }

    static String lostWakeUp(String details) {
        return "map([1, 2, 3], 2, x -> x * 10) never returned in one order of its threads' steps: the caller waited"
                + " for a wake-up that no thread was going to give. If the caller checks whether the results are in"
                + " and then waits, the last result can arrive, and its notify be given, between the two: the"
                + " wake-up is lost. Check and wait under the same lock the threads take to announce results (a"
                + " while loop around wait() inside synchronized), or wait on something that remembers, such as a"
                + " Future, a CountDownLatch or a CompletionService. (A map that waits for threads kept from an earlier call, in a"
                + " static pool, ends the same way: start the threads in the call and end them before it returns.)\n"
                + details;
    }

    static String notEveryElement(int parallelism, List<?> result) {
        return "With parallelism " + parallelism + ", map should give one result per element, each the function"
                + " applied to its own element, but it returned " + result;
    }

    static String badParallelismAccepted(int parallelism, String inputs) {
        return "map(" + inputs + ", " + parallelism + ", ...) should throw IllegalArgumentException: with fewer than"
                + " one thread nothing could ever run. Check the argument first, before any shortcut (an empty list"
                + " too).";
    }

    static String emptyInput(MapScene scene) {
        return "map of an empty list should return an empty list without calling the function, but it "
                + scene.describeEnding() + " and the function was called for " + scene.started() + ".";
    }

    static String threadsLeft(String when, List<Thread> threads) {
        return "After " + when + ", these threads that map started were still there, not ending:"
                + MapScene.describe(threads) + "\nEvery thread map starts must have ended (or be ending) when it"
                + " returns or throws: shut the pool down in a finally block and wait for it (awaitTermination),"
                + " or join your threads.";
    }

    static String notAllStarted(int count, int parallelism, MapScene scene) {
        int expected = Math.min(count, parallelism);
        return "The test mapped " + count + " elements with parallelism " + parallelism + ", with calls that wait"
                + " until it lets them go: " + expected + " should run at once, but only " + scene.inside()
                + " did (the elements " + scene.running() + "), and map " + scene.describeEnding() + ".\nRun the"
                + " calls on parallel threads; the caller only waits for their results.";
    }

    static String orderLost(List<Integer> finished) {
        return "The calls finished in the order " + finished + " (the test let them finish out of order), but the"
                + " results must be in the order of the inputs: result i belongs to input i.\nCollect the results by"
                + " index (keep the futures in a list in input order, or write each result to its slot), not in the"
                + " order they arrive";
    }

    static String equalElementsMixedUp(List<Integer> inputs, List<?> result) {
        return "map(" + inputs + ", 2, x -> x + 1) should give one result per position, but it returned " + result
                + ". Equal elements are still different positions: keep each element's index from the loop that"
                + " hands them out (a counter, or the future's place in a list); inputs.indexOf(element) finds the"
                + " first equal one";
    }

    static String equalElementFailed(Throwable boom, Throwable thrown) {
        return "In [a, b, a], the call of the second a (index 2) threw " + describe(boom) + "; map should throw"
                + " ElementFailedException with index 2 and that cause, but it "
                + (thrown == null ? "returned normally" : outcome(thrown)) + ". The index is the element's position"
                + " in the list: equal elements have different indexes (inputs.indexOf(element) finds the first).";
    }

    static String startedAfterTheReaction(List<Integer> byOthers, List<Integer> byFailing) {
        return "Element 1 failed while the calls of the other elements waited until interrupted, and in one order"
                + " of the threads' steps below, calls started after the failure: " + (byOthers.isEmpty() ? ""
                        : byOthers + " on threads whose calls were under way at the failure, and could only end by map's interrupt")
                + (byOthers.isEmpty() || byFailing.size() <= 1 ? "" : ", and ")
                + (byFailing.size() <= 1 ? "" : byFailing + " on the thread whose call failed (one is allowed)")
                + ". Once map reacts to the failure, no queued element may start. Cancelling the futures one by one"
                + " in input order frees a thread, which takes the next queued element before its future is"
                + " cancelled: use shutdownNow() (it empties the queue and interrupts in one step), or cancel the"
                + " queued futures before the running ones.";
    }

    static String endedWhileHeld(int count, MapScene scene) {
        return "The test mapped " + count + " elements with calls that wait until it lets them go, but map "
                + scene.describeEnding() + " while the calls were still held. map must wait for every result.";
    }

    static String wrongCountAtOnce(int parallelism, int count, int expected, MapScene scene, String when,
                                   boolean newestFirst) {
        String advice = scene.inside() > expected
                ? "At most " + parallelism + " calls may run at once: use a pool of " + parallelism + " threads (not"
                        + " a thread per element, and not the caller's own thread); the other elements wait for a"
                        + " free thread."
                : "Submit every element before waiting for any result (waiting for one future before submitting"
                        + " the next makes the map sequential), and give the pool " + parallelism + " threads, not"
                        + " fewer.";
        return "The test mapped " + count + " elements with parallelism " + parallelism + ", with calls that wait"
                + " until it lets them go, " + (newestFirst ? "newest" : "oldest") + " first. " + when + ", " + expected
                + " calls should run at once,"
                + " but " + scene.inside() + " did: the elements " + scene.running() + " (started so far: "
                + scene.started() + "; map " + (scene.mapEnded() ? scene.describeEnding() : "still waits") + ").\n"
                + advice;
    }

    static String peak(int parallelism, int peak) {
        return "Once the calls were let go, up to " + peak + " ran at the same time, but with parallelism "
                + parallelism + " exactly " + parallelism + " should (when there are that many elements)";
    }

    static String failureNotRethrown(int index, Throwable cause, MapScene scene) {
        return "The function threw " + describe(cause) + " on element " + index + "; map should throw"
                + " ElementFailedException with index " + index + " and that exception as its cause, but it "
                + scene.describeEnding() + ".\nA swallowed failure turns into a missing or wrong result that nobody"
                + " notices: future.get() throws ExecutionException, whose cause is what the task threw.";
    }

    static String wrongFailure(int index, Throwable cause, ElementFailedException failure) {
        return "The function threw " + describe(cause) + " on element " + index + " (the first failure); map threw"
                + " ElementFailedException with index " + failure.index() + " and cause "
                + (failure.getCause() == null ? "none" : describe(failure.getCause()))
                + ". Give the index of the element whose call failed first (remember which index each future"
                + " belongs to; not how many had completed, and not a call that failed later because it was"
                + " interrupted), and its exception itself as the cause (the cause of the ExecutionException, not"
                + " the ExecutionException).";
    }

    static String mixedFailures(Throwable[] booms, Throwable thrown) {
        return "Elements 0 and 1 both threw at about the same time (element 0 " + describe(booms[0]) + ", element 1 "
                + describe(booms[1]) + "). In the order of the threads' steps below, map " + outcome(thrown)
                + ". The index and the cause must come from one and the same failure: record the first failure in"
                + " one step (a compareAndSet of one object that holds both, or both fields under one lock, with the"
                + " \"is there a failure yet?\" check inside that same step), never as a check and then two writes"
                + " another thread can come between.";
    }

    static String failureNeverEnds(String details) {
        return "When calls failed, map never ended in one order of the threads' steps: no thread could go on,"
                + " though the same map without failures always ends. A failure must wake the caller just as a"
                + " result does (announce it under the same lock, or through the same queue, latch or future), and"
                + " a thread whose call failed must not wait for anything but more work.\n" + details;
    }

    static String failureReadUnwritten(Throwable boom, Throwable thrown) {
        return "Element 1 threw " + describe(boom) + " while elements 0 and 2 returned. In the order of the threads'"
                + " steps below, map " + outcome(thrown) + ", not ElementFailedException with index 1 and that cause."
                + " The caller learned that a call had failed before the failure's index and cause were written:"
                + " write them first and only then announce the failure (set the flag, count down, release, put in"
                + " the queue), or hand them over in one object (a Future, a compareAndSet of a record).";
    }

    static String wrongFailureAmongWaitingCalls(Throwable boom, Throwable thrown, boolean returned) {
        return "Element 0 threw " + describe(boom) + " while elements 1 and 2 waited until interrupted. In the order"
                + " of the threads' steps below, map " + (returned ? "returned normally" : outcome(thrown))
                + ", not ElementFailedException with index 0 and that cause.";
    }

    static String callNotInterrupted(String details) {
        return "Element 0 threw while elements 1 and 2 waited until interrupted, and in one order of the threads'"
                + " steps map never ended: no thread could go on. The thread whose call failed may take one more"
                + " element before the caller interrupts it; that call must see the interrupt. An interrupt that"
                + " arrives between taking the element and calling the function is lost if the thread clears it"
                + " there (Thread.interrupted() \"for a fresh start\"); check a stop flag after clearing, or let the"
                + " pool's own shutdownNow() do it (a ThreadPoolExecutor interrupts a task it starts after"
                + " shutdownNow).\n" + details;
    }

    private static String outcome(Throwable thrown) {
        if (thrown instanceof ElementFailedException failure) {
            return "threw ElementFailedException with index " + failure.index() + " and cause "
                    + (failure.getCause() == null ? "none" : describe(failure.getCause()));
        }
        return thrown == null ? "returned normally" : "threw " + describe(thrown);
    }

    static String failureNotSeen(MapScene scene) {
        return "The function threw on element 1 while the calls " + scene.running() + " were held by the test (they"
                + " never finish on their own), but map " + scene.describeEnding() + ".\nThe first failure must end"
                + " the map at once, even while other elements still run: wait for the futures in the order they"
                + " complete (an ExecutorCompletionService), not in input order, and do not wait for the running"
                + " calls to finish (invokeAll, shutdown() and awaitTermination do); interrupt them.";
    }

    static String didNotWaitForCalls(MapScene scene) {
        return "map threw, but the calls of the elements " + scene.endedAfterEnd() + " were still running when it"
                + " did (they ended afterwards). Every thread map starts must have ended, or be ending, when it"
                + " returns or throws: after shutdownNow(), wait for the pool (awaitTermination), or join your"
                + " threads.";
    }

    static String notCancelled(MapScene scene) {
        return "map threw the failure of element 1, but then the calls " + scene.running() + " were still running"
                + (scene.startedAfterEnd().isEmpty() ? "" : " and the calls " + scene.startedAfterEnd()
                        + " started after map had thrown")
                + " (interrupted: " + scene.interrupted().stream().sorted().toList() + ").\nAfter the first failure"
                + " the remaining work is useless: interrupt the running calls (shutdownNow(), or cancel(true) on"
                + " their futures), start no new ones, and end every thread.";
    }

    static String threadPerElement(int count, int parallelism, int runners) {
        return count + " elements with parallelism " + parallelism + " ran on " + runners + " different threads, but"
                + " at most " + parallelism + " threads may run the function: reuse a pool's threads instead of"
                + " starting one per element.";
    }

    static String interruptIgnored(MapScene scene) {
        return "The test interrupted the thread that called map while the calls " + scene.running() + " were held;"
                + " map should throw InterruptedException, but it " + scene.describeEnding() + ".\nAn interrupted"
                + " caller asks map to give up: let the InterruptedException of take()/get()/await() out (after"
                + " cancelling the calls), do not return partial results.";
    }

    static String notCancelledOnInterrupt(MapScene scene) {
        return "map threw InterruptedException, but the calls " + scene.running() + " were still running afterwards"
                + (scene.startedAfterEnd().isEmpty() ? "" : ", and the calls " + scene.startedAfterEnd()
                        + " started after map had thrown")
                + ". When map gives up, it ends its work too: interrupt the running calls and end every thread"
                + " (shutdownNow() in a finally block).";
    }

    static String callerRunsCalls(int count, int parallelism, MapScene scene) {
        return "The test mapped " + count + " elements with parallelism " + parallelism + ", with calls that wait"
                + " until it lets them go. Before any call finished, the thread that called map was itself running"
                + " a call (of the elements " + scene.onCaller() + "), so " + scene.inside() + " calls ran at once: "
                + scene.running() + ". A bounded work queue with CallerRunsPolicy does this once"
                + " more elements wait than the queue holds; and while the caller runs a call, it cannot see a"
                + " failure. Let the pool's own threads run every call: an unbounded queue"
                + " (Executors.newFixedThreadPool), or submit no more elements than can wait (a sliding window).";
    }

    static String wrapperTakenApart(Throwable boom) {
        return "The function threw " + describe(boom) + " on element 4 (as join() on another CompletableFuture does),"
                + " whose own cause is " + describe(boom.getCause()) + "; map threw ElementFailedException with that"
                + " inner cause, not with what the function threw. CompletableFuture.supplyAsync wraps what its task"
                + " throws in a new CompletionException, except a CompletionException, which it keeps as it is: so"
                + " unwrapping \"the CompletionException\" takes the function's own exception apart. Catch what the"
                + " function throws inside the task itself, or use submit(), whose ExecutionException always wraps"
                + " what the task threw.";
    }

    static String otherMapDisturbed(MapScene other) {
        return "Two maps ran at once on two threads. While the calls of the first (5 elements, parallelism 2, on"
                + " \"other map caller\") were held, the second failed on its element 1 and threw"
                + " ElementFailedException, as it should. Then the test let the first map's calls go, but it "
                + other.describeEnding() + " (calls started: " + other.started() + ", interrupted: "
                + other.interrupted().stream().sorted().toList() + ").\nA failure ends its own map only. map is a"
                + " static method that several threads may call at once: everything one call uses (its stop flag,"
                + " counter, pool, results) must belong to that call, in local variables or an object made per"
                + " call, never in a static field.";
    }

    static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : "(\"" + thrown.getMessage()
                + "\")");
    }
}
