package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Wrong (deadline overflow): a millisecond deadline compared as an absolute time; a huge timeout
 * overflows it into the past, so the timed call gives up at once.
 * Was the reference: one monitor guards the items; every wait is in a while loop (a woken thread checks
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
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (items.size() == capacity) {
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                return false;
            }
            wait(deadline - now);
        }
        items.addLast(item);
        notifyAll();
        return true;
    }

    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (items.isEmpty()) {
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                return null;
            }
            wait(deadline - now);
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }
}
