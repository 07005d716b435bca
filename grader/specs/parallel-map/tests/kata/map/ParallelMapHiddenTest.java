package kata.map;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: the parallelism for other sizes, threads reused and ended after a successful map,
 * and an error (not an exception) from the function.
 */
class ParallelMapHiddenTest {

    @Test
    @DisplayName("The parallelism is exact for other sizes: 1 of 5, 5 of 12, and 8 with only 3 elements")
    @Graded(id = "other-parallelisms", points = 3, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void parallelismIsExactForOtherSizes() {
        ParallelMapTest.assertExactlyAtOnce(1, 5);
        ParallelMapTest.assertExactlyAtOnce(5, 12);
        ParallelMapTest.assertExactlyAtOnce(8, 3);
    }

    @Test
    @DisplayName("After a successful map, every thread it started ends")
    @Graded(id = "threads-end-after-success", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void threadsEndAfterSuccess() {
        try (MapScene scene = new MapScene()) {
            MapCall call = scene.start(MapScene.upTo(20), 3, i -> i + 1);

            if (!call.ends() || !call.returned()) {
                fail(MapFeedback.didNotReturn("20 numbers plus one, with parallelism 3", call));
            }
            if (!scene.mapThreadsEnd()) {
                fail(MapFeedback.threadsLeft("a map that returned its results", scene.mapThreads()));
            }
        }
    }

    @Test
    @DisplayName("30 elements with parallelism 3 run on at most 3 threads: threads are reused")
    @Graded(id = "threads-bounded", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void threadsAreReused() {
        Set<Thread> runners = ConcurrentHashMap.newKeySet();
        try (MapScene scene = new MapScene()) {
            MapCall call = scene.start(MapScene.upTo(30), 3, i -> {
                runners.add(Thread.currentThread());
                return i;
            });

            if (!call.ends() || !call.returned()) {
                fail(MapFeedback.didNotReturn("30 numbers with parallelism 3", call));
            }
            if (runners.size() > 3) {
                fail(MapFeedback.threadPerElement(30, 3, runners));
            }
        }
    }

    @Test
    @DisplayName("An Error thrown by the function is rethrown as the cause, with the element's index")
    @Graded(id = "error-rethrown", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 20)
    void errorIsRethrownWithItsIndex() {
        AssertionError error = new AssertionError("element 2 is corrupt");
        try (MapScene scene = new MapScene()) {
            MapCall call = scene.start(MapScene.upTo(5), 2, i -> {
                if (i == 2) {
                    throw error;
                }
                return i;
            });

            if (!call.ends()) {
                fail(MapFeedback.didNotReturn("5 elements where element 2 throws an AssertionError", call));
            }
            ParallelMapTest.assertFailedWith(2, error, call);
        }
    }
}
