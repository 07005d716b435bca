package kata.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Wrong: its own worker threads take the next index until the list is done or a call failed, but
 * they catch only RuntimeException. An Error thrown by the function ends its worker silently: the
 * element never counts as done nor as failed, and the caller waits forever.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        int count = inputs.size();
        if (count == 0) {
            return List.of();
        }
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicReference<ElementFailedException> failure = new AtomicReference<>();
        CountDownLatch finishedOrFailed = new CountDownLatch(1);
        Runnable worker = () -> {
            int index;
            while (failure.get() == null && (index = next.getAndIncrement()) < count) {
                try {
                    results[index] = function.apply(inputs.get(index));
                    if (remaining.decrementAndGet() == 0) {
                        finishedOrFailed.countDown();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new ElementFailedException(index, e));
                    finishedOrFailed.countDown();
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, count); i++) {
            Thread thread = new Thread(worker, "map-" + (i + 1));
            threads.add(thread);
            thread.start();
        }
        finishedOrFailed.await();
        if (failure.get() != null) {
            threads.forEach(Thread::interrupt);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }
}
