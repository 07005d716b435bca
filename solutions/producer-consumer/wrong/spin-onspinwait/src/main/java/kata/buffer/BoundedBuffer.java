package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
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

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        while (!tryAdd(item)) {
            checkInterrupt();
            Thread.onSpinWait();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        while (true) {
            T item = tryRemove();
            if (item != null) {
                return item;
            }
            checkInterrupt();
            Thread.onSpinWait();
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!tryAdd(item)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            checkInterrupt();
            Thread.onSpinWait();
        }
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            T item = tryRemove();
            if (item != null) {
                return item;
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            checkInterrupt();
            Thread.onSpinWait();
        }
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return items.size();
    }

    private synchronized boolean tryAdd(T item) {
        if (items.size() == capacity) {
            return false;
        }
        items.addLast(item);
        return true;
    }

    private synchronized T tryRemove() {
        return items.pollFirst();
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
