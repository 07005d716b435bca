package idioms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Timer;
import java.util.TimerTask;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What correct solutions of the katas write, and what javac makes of it: none of it may be refused. */
public class Idioms implements Runnable, Comparable<Idioms>, AutoCloseable, Cloneable {

    record Pair(String name, int value) {
        Pair {
            Objects.requireNonNull(name);
        }
    }

    enum Light { RED, GREEN }

    sealed interface Shape permits Square { }

    static final class Square implements Shape { }

    static final class Worker extends Thread {
        Worker(Runnable job) {
            super(job, "worker");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                onSpinWait();
                interrupt();
            }
        }
    }

    static final class Gate extends AbstractQueuedSynchronizer {
        @Override
        protected int tryAcquireShared(int ignored) {
            return getState() == 1 ? 1 : -1;
        }
    }

    private static final VarHandle COUNT;
    private static final AtomicIntegerFieldUpdater<Idioms> UPDATER =
            AtomicIntegerFieldUpdater.newUpdater(Idioms.class, "updated");

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Idioms.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int count;
    private volatile int updated;
    private final Object lock = new Object();
    private final ThreadLocal<StringBuilder> buffers = ThreadLocal.withInitial(StringBuilder::new);

    @Override
    public void run() {
        assert count >= 0 : "never negative";
        String text = switch (Light.valueOf("RED")) {
            case RED -> "stop";
            case GREEN -> "go";
        };
        switch (text) {
            case "stop" -> System.out.printf("%s %d%n", text, count);
            default -> System.err.println(text + count + Thread.currentThread().getName());
        }
        Object shape = new Square();
        if (shape instanceof Square square && square.hashCode() != 0) {
            System.out.println(square.getClass().getSimpleName() + " " + Shape.class.isInstance(shape));
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        COUNT.getAndAdd(this, 1);
        UPDATER.incrementAndGet(this);
        buffers.get().append(Pair.class.getName()).append(new Pair("a", 1));
        Runtime.getRuntime().availableProcessors();
        System.nanoTime();
        Thread.holdsLock(lock);
        LockSupport.parkNanos(1);
        Thread.yield();
    }

    void concurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, job -> new Thread(job, "pool"));
        CountDownLatch latch = new CountDownLatch(1);
        pool.submit(latch::countDown);
        latch.await(1, TimeUnit.SECONDS);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.SECONDS);
        CompletableFuture.supplyAsync(() -> 1).thenApply(x -> x + 1).get();
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);
        Condition ready = rw.writeLock().newCondition();
        rw.writeLock().lock();
        try {
            ready.signalAll();
        } finally {
            rw.writeLock().unlock();
        }
        StampedLock stamped = new StampedLock();
        stamped.validate(stamped.tryOptimisticRead());
        new Gate().acquireShared(1);
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        counts.computeIfAbsent("a", k -> new LongAdder()).increment();
        Thread thread = new Worker(this);
        thread.setUncaughtExceptionHandler((t, e) -> e.printStackTrace());
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        thread.join(100);
        System.out.println(thread.getState() + " " + thread.isAlive() + " " + Thread.State.NEW);
        Thread.sleep(Duration.ofMillis(1).toMillis());
        new Timer(true).schedule(new TimerTask() {
            @Override
            public void run() {
                ThreadLocalRandom.current().nextInt(3);
            }
        }, 1);
    }

    List<String> collections(int[] numbers) {
        List<String> names = new ArrayList<>(List.of("b", "a"));
        Collections.sort(names);
        Map<String, Integer> sizes = new HashMap<>(new TreeMap<>(Map.of("x", 1)));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.offer(Arrays.stream(numbers).sum());
        Supplier<Optional<String>> first = () -> names.stream().findFirst();
        String joined = IntStream.range(0, 3).mapToObj(Integer::toString).collect(Collectors.joining(","));
        int[] copy = numbers.clone();
        System.arraycopy(numbers, 0, copy, 0, numbers.length);
        BigInteger big = BigInteger.valueOf(new Random(1).nextLong()).add(BigInteger.ONE);
        String block = """
                %s %s %s
                """.formatted(joined, big, sizes);
        first.get().ifPresent(names::add);
        names.add(block.strip() + Instant.EPOCH + Integer.parseInt("7") + Character.isDigit('1') + Math.max(1, 2));
        return names;
    }

    String io() throws IOException {
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(out);
        out.write("line\n".getBytes(StandardCharsets.UTF_8));
        out.close();
        StringWriter text = new StringWriter();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             PrintWriter writer = new PrintWriter(text)) {
            writer.println(reader.readLine());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return text.toString();
    }

    @Override
    public int compareTo(Idioms other) {
        return Integer.compare(count, other.count);
    }

    @Override
    public void close() {
        Thread.currentThread().interrupt();
    }

    @Override
    protected Idioms clone() throws CloneNotSupportedException {
        return (Idioms) super.clone();
    }
}
