package kata.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeftoversTest {

    @Test
    void anIdlePoolThatNoOneShutDownNeedsNoFreshJvm() throws Exception {
        Set<Thread> before = Leftovers.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pool.submit(() -> 42).get();
            pool.submit(() -> 43).get();

            assertFalse(Leftovers.remain(before));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
    }

    @Test
    void aPoolWithATaskDueLaterNeedsAFreshJvm() throws Exception {
        Set<Thread> before = Leftovers.now();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> 42, 1, TimeUnit.HOURS);
            timer.submit(() -> 43).get();

            assertTrue(Leftovers.remain(before), "its worker waits with a deadline, then runs code");
        } finally {
            timer.shutdownNow();
            assertTrue(timer.awaitTermination(1, TimeUnit.MINUTES));
        }
    }

    @Test
    void aThreadWaitingInCodeOutsideTheJdkNeedsAFreshJvm() throws Exception {
        Set<Thread> before = Leftovers.now();
        CountDownLatch release = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        try {
            assertTrue(Leftovers.remain(before), "the lambda's frame is on its stack");
        } finally {
            release.countDown();
            waiting.join();
        }
    }
}
