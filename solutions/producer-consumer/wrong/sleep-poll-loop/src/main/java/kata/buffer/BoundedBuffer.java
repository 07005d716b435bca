package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private static final long POLL_MILLIS = 1;

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        while (!tryAdd(item)) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        T item;
        while ((item = tryRemove()) == null) {
            Thread.sleep(POLL_MILLIS);
        }
        return item;
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!tryAdd(item)) {
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        T item;
        while ((item = tryRemove()) == null) {
            if (deadline - System.nanoTime() <= 0) {
                return null;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return item;
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return items.size();
    }

    private synchronized boolean tryAdd(T item) {
        if (items.size() >= capacity) {
            return false;
        }
        items.addLast(item);
        return true;
    }

    private synchronized T tryRemove() {
        return items.pollFirst();
    }
}
