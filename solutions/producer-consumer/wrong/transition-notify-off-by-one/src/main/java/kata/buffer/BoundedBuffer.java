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
    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {
            wait();
        }
        insert(item);
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        return extract();
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public synchronized boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (items.size() == capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        insert(item);
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (items.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return extract();
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return items.size();
    }

    // Only wake others when it can matter: consumers wait only on an empty buffer,
    // producers only on a full one.
    private void insert(T item) {
        items.addLast(item);
        if (items.size() == 1) {
            notifyAll(); // was empty
        }
    }

    private T extract() {
        T item = items.removeFirst();
        if (items.size() == capacity) {
            notifyAll(); // was full
        }
        return item;
    }
}
