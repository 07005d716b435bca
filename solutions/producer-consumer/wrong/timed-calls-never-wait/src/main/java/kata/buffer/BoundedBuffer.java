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
        while (items.size() >= capacity) {
            wait();
        }
        items.addLast(item);
        notifyAll();
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public synchronized boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (items.size() >= capacity) {
            return false; // full: no room for it
        }
        items.addLast(item);
        notifyAll();
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        T item = items.pollFirst(); // null when empty
        if (item != null) {
            notifyAll();
        }
        return item;
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return items.size();
    }
}
