package kata.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Ring<T> ring;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.ring = new Ring<>(capacity);
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (ring.isFull()) {
            this.wait();
        }
        ring.add(item);
        this.notifyAll();
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (ring.isEmpty()) {
            this.wait();
        }
        T item = ring.remove();
        this.notifyAll();
        return item;
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public synchronized boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        final long end = System.nanoTime() + unit.toNanos(timeout);
        while (ring.isFull()) {
            if (!waitUntil(end)) {
                return false;
            }
        }
        ring.add(item);
        this.notifyAll();
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        final long end = System.nanoTime() + unit.toNanos(timeout);
        while (ring.isEmpty()) {
            if (!waitUntil(end)) {
                return null;
            }
        }
        T item = ring.remove();
        this.notifyAll();
        return item;
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return ring.size();
    }

    /**
     * Waits (holding this monitor) until notified or until {@code end}; returns false without
     * waiting when the deadline has already passed.
     */
    private boolean waitUntil(long end) throws InterruptedException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(left);
        int ns = (int) (left - TimeUnit.MILLISECONDS.toNanos(ms));
        this.wait(ms, ns);
        return true;
    }

    int capacity() {
        return capacity;
    }
}
