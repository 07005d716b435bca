package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        List<T> in = new ArrayList<>(inputs);
        if (in.isEmpty()) {
            return new ArrayList<>();
        }
        Job<T, R> job = new Job<>(in, function);
        List<Thread> workers = new ArrayList<>();
        boolean succeeded = false;
        try {
            int count = Math.min(parallelism, in.size());
            for (int w = 0; w < count; w++) {
                Thread worker = new Thread(job::work, "parallel-map-" + w);
                workers.add(worker);
                worker.start();
            }
            List<R> results = job.awaitResults();
            succeeded = true;
            return results;
        } finally {
            job.stop();
            if (!succeeded) {
                for (Thread worker : workers) {
                    worker.interrupt();
                }
            }
            joinAll(workers);
        }
    }

    private static void joinAll(List<Thread> workers) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shared state of one map; every field is guarded by the job's monitor. */
    private static final class Job<T, R> {
        private final List<T> inputs;
        private final Function<? super T, ? extends R> function;
        private final Object[] results;
        private int next;
        private int finished;
        private boolean stopped;
        private int failedIndex = -1;
        private Throwable failure;

        Job(List<T> inputs, Function<? super T, ? extends R> function) {
            this.inputs = inputs;
            this.function = function;
            this.results = new Object[inputs.size()];
        }

        synchronized int claim() {
            if (stopped || failure != null || next >= results.length) {
                return -1;
            }
            return next++;
        }

        synchronized void succeeded(int index, Object result) {
            results[index] = result;
            finished++;
            if (finished == results.length) {
                notifyAll();
            }
        }

        synchronized void failed(int index, Throwable t) {
            if (failure == null && !stopped) {
                failure = t;
                failedIndex = index;
                notifyAll();
            }
        }

        synchronized void stop() {
            stopped = true;
        }

        synchronized List<R> awaitResults() throws InterruptedException {
            while (failure == null && finished < results.length) {
                wait();
            }
            if (failure != null) {
                throw new ElementFailedException(failedIndex, failure);
            }
            List<R> list = new ArrayList<>(results.length);
            for (Object o : results) {
                @SuppressWarnings("unchecked")
                R r = (R) o;
                list.add(r);
            }
            return list;
        }

        void work() {
            int index;
            while ((index = claim()) >= 0) {
                Object result;
                try {
                    result = function.apply(inputs.get(index));
                } catch (Throwable t) {
                    failed(index, t);
                    return;
                }
                succeeded(index, result);
            }
        }
    }
}
