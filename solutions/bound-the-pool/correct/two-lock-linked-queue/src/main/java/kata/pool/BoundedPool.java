package kata.pool;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The "two-lock queue" (as inside LinkedBlockingQueue), written out: submitters append at the tail
 * under {@code putLock}, workers remove at the head under {@code takeLock}, and an atomic count joins
 * the two ends. Each side signals the other's condition after releasing its own lock, so no thread
 * ever holds both locks except {@link #shutdown()}, which takes them in the fixed order put then take.
 */
public class BoundedPool {

    private static final class Node {
        Runnable task;
        Node next;

        Node(Runnable task) {
            this.task = task;
        }
    }

    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock putLock = new ReentrantLock();
    private final Condition notFull = putLock.newCondition();
    private final ReentrantLock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();
    private Node head = new Node(null); // guarded by takeLock; dummy node, head.next is the oldest task
    private Node last = head;           // guarded by putLock
    private volatile boolean shutdown;  // written holding both locks
    private final Thread[] threads;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes must be >= 1: workers=" + workers
                    + ", queueCapacity=" + queueCapacity);
        }
        capacity = queueCapacity;
        threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::runWorker, namePrefix + "-" + (i + 1));
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        FutureTask<T> future = new FutureTask<>(task);
        putLock.lockInterruptibly();
        try {
            while (!shutdown && count.get() >= capacity) {
                notFull.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            Node node = new Node(future);
            last.next = node;
            last = node;
            count.incrementAndGet(); // publishes the node to the take side
        } finally {
            putLock.unlock();
        }
        takeLock.lock();
        try {
            notEmpty.signal();
        } finally {
            takeLock.unlock();
        }
        return future;
    }

    private Runnable take() {
        takeLock.lock();
        try {
            while (count.get() == 0) {
                if (shutdown) {
                    return null; // every accepted task was counted before shutdown could take putLock
                }
                notEmpty.awaitUninterruptibly();
            }
            Node first = head.next;
            head.next = null; // help GC
            head = first;
            Runnable r = first.task;
            first.task = null;
            count.decrementAndGet();
            return r;
        } finally {
            takeLock.unlock();
        }
    }

    private void runWorker() {
        Runnable r;
        while ((r = take()) != null) {
            putLock.lock();
            try {
                notFull.signal(); // one place freed, one submitter may use it
            } finally {
                putLock.unlock();
            }
            r.run();
        }
    }

    public void shutdown() {
        putLock.lock();
        try {
            takeLock.lock();
            try {
                shutdown = true;
                notEmpty.signalAll();
            } finally {
                takeLock.unlock();
            }
            notFull.signalAll();
        } finally {
            putLock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long total;
        try {
            total = Math.max(0, timeout.toNanos());
        } catch (ArithmeticException huge) {
            total = Long.MAX_VALUE;
        }
        long t0 = System.nanoTime();
        for (Thread t : threads) {
            long left;
            while (t.isAlive() && (left = total - (System.nanoTime() - t0)) > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
