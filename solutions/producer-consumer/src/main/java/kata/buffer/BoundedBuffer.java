package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Reference: one monitor guards the items; every wait is in a while loop (a woken thread checks
 * again, because another thread may have got there first), and every change wakes all waiters,
 * because producers and consumers share one wait set and notify() could wake the wrong kind.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {
            wait();
        }
        items.addLast(item);
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    public synchronized boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (items.size() == capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        items.addLast(item);
        notifyAll();
        return true;
    }

    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (items.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }
}
