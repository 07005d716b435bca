package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class Outcome {
        final int index;
        final Object value;
        final Throwable failure;

        Outcome(int index, Object value, Throwable failure) {
            this.index = index;
            this.value = value;
            this.failure = failure;
        }
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable work = () -> {
            while (!stop.get()) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                Object value;
                try {
                    value = function.apply(in.get(i));
                } catch (Throwable t) {
                    stop.set(true);
                    outcomes.add(new Outcome(i, null, t));
                    return;
                }
                outcomes.add(new Outcome(i, value, null));
            }
        };
        List<Thread> workers = new ArrayList<>();
        try {
            for (int w = 0; w < Math.min(parallelism, n); w++) {
                Thread t = new Thread(work);
                workers.add(t);
                t.start();
            }
            Object[] results = new Object[n];
            for (int received = 0; received < n; received++) {
                Outcome o = outcomes.take();
                if (o.failure != null) {
                    throw new ElementFailedException(o.index, o.failure);
                }
                results[o.index] = o.value;
            }
            List<R> list = new ArrayList<>(n);
            for (Object r : results) {
                @SuppressWarnings("unchecked")
                R typed = (R) r;
                list.add(typed);
            }
            return list;
        } finally {
            stop.set(true);
            for (Thread t : workers) {
                t.interrupt();
            }
            boolean interrupted = false;
            for (Thread t : workers) {
                boolean joined = false;
                while (!joined) {
                    try {
                        t.join();
                        joined = true;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
