package kata.map;

import static org.junit.jupiter.api.Assertions.fail;

import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: the parallelism for other sizes, threads reused and ended after a successful map,
 * an error (not an exception) from the function, and an interrupted caller. Run under the kata's
 * scheduler like the public checks.
 */
class ParallelMapHiddenTest {

    @Test
    @DisplayName("The parallelism is exact for other sizes: 1 of 5, 5 of 12, 8 with only 3 elements, 16 of 20")
    @Graded(id = "other-parallelisms", points = 3, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 120)
    void parallelismIsExactForOtherSizes() throws Exception {
        ParallelMapTest.assertExactlyAtOnce(1, 5);
        ParallelMapTest.assertExactlyAtOnce(5, 12);
        ParallelMapTest.assertExactlyAtOnce(8, 3);
        ParallelMapTest.assertExactlyAtOnce(16, 20);
    }

    @Test
    @DisplayName("After a successful map, every thread it started has ended or is ending")
    @Graded(id = "threads-end-after-success", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void threadsEndAfterSuccess() throws Exception {
        Controlled.run(() -> {
            try (MapScene scene = MapScene.free(20).start(3)) {
                if (!scene.ends() || !scene.call().returned()) {
                    fail(MapFeedback.didNotReturn("20 elements with parallelism 3", scene));
                }
                scene.settle();
                ParallelMapTest.assertNoThreadLeft("a map that returned its results", scene);
            }
        });
    }

    @Test
    @DisplayName("30 elements with parallelism 3 run on at most 3 threads: threads are reused")
    @Graded(id = "threads-bounded", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void threadsAreReused() throws Exception {
        Controlled.run(() -> {
            try (MapScene scene = MapScene.free(30).start(3)) {
                if (!scene.ends() || !scene.call().returned()) {
                    fail(MapFeedback.didNotReturn("30 elements with parallelism 3", scene));
                }
                if (scene.runners().size() > 3) {
                    fail(MapFeedback.threadPerElement(30, 3, scene.runners().size()));
                }
            }
        });
    }

    @Test
    @DisplayName("An Error thrown by the function is rethrown as the cause, with the element's index")
    @Graded(id = "error-rethrown", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void errorIsRethrownWithItsIndex() throws Exception {
        Controlled.run(() -> {
            AssertionError error = new AssertionError("element 2 is corrupt");
            try (MapScene scene = MapScene.free(5).failing(2, error).start(2)) {
                if (!scene.ends()) {
                    fail(MapFeedback.didNotReturn("5 elements where element 2 throws an AssertionError", scene));
                }
                ParallelMapTest.assertFailedWith(2, error, scene);
            }
        });
    }

    @Test
    @DisplayName("A caller interrupted while it waits gets InterruptedException; the running calls are interrupted and no thread is left; an interrupt while map waits for the interrupted calls after a failure is not lost")
    @Graded(id = "interrupted-caller", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void interruptedCallerGivesUp() throws Exception {
        Controlled.run(() -> {
            try (MapScene scene = MapScene.held(6).start(3)) {
                scene.call().interrupt();
                if (!scene.ends() || !(scene.call().thrown().orElse(null) instanceof InterruptedException)) {
                    fail(MapFeedback.interruptIgnored(scene));
                }
                scene.settle();
                if (!scene.running().isEmpty() || !scene.startedAfterEnd().isEmpty()) {
                    fail(MapFeedback.notCancelledOnInterrupt(scene));
                }
                ParallelMapTest.assertNoThreadLeft("a map whose caller was interrupted", scene);
            }
        });
        Controlled.run(ParallelMapHiddenTest::interruptWhileWaitingForInterruptedCallsIsKept);
    }

    /**
     * Element 1 fails; element 0's call, once interrupted, takes until the test lets it go, so map waits
     * for it (awaitTermination, join) and the test interrupts the caller there. map may throw
     * InterruptedException, or go on waiting and keep the interrupt status set; an empty catch loses it.
     */
    private static void interruptWhileWaitingForInterruptedCallsIsKept() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("cannot map 1");
        try (MapScene scene = MapScene.held(4).failing(1, boom).open(1).stubborn(0).start(2)) {
            if (scene.mapEnded()) {
                // It did not wait for the interrupted call: nothing to interrupt (failure-cancels-the-rest's business).
                return;
            }
            scene.call().interrupt();
            scene.settle();
            scene.release(0);
            if (!scene.ends()) {
                fail(MapFeedback.interruptIgnored(scene));
            }
            if (!(scene.call().thrown().orElse(null) instanceof InterruptedException) && !scene.callerInterrupted()) {
                fail(interruptLostAfterFailure(scene));
            }
        }
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String interruptLostAfterFailure(MapScene scene) {
        return "Element 1 threw, and element 0's call, once interrupted, took a while to end (until the test let it"
                + " go), so map waited for it. The test interrupted the thread that called map while map waited"
                + " there; map then " + scene.describeEnding() + ", and the caller's interrupt status was clear: the"
                + " interrupt was lost, so the caller never learns it was asked to stop. Let the"
                + " InterruptedException of awaitTermination or join out, or catch it, go on waiting and then"
                + " restore it (Thread.currentThread().interrupt()); an empty catch swallows it.";
    }
}
