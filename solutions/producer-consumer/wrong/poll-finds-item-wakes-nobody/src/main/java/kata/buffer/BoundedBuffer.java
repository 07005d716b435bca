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
    private final ArrayDeque<T> items;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {
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
        long left = unit.toNanos(timeout);
        if (items.size() < capacity) {
            items.addLast(item);
            notifyAll();
            return true;
        }
        long deadline = System.nanoTime() + left;
        while (items.size() == capacity) {
            if (left <= 0L) {
                return false;
            }
            wait(left / 1_000_000L, (int) (left % 1_000_000L));
            left = deadline - System.nanoTime();
        }
        items.addLast(item);
        notifyAll();
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        if (!items.isEmpty()) {
            return items.removeFirst(); // something there already: no need to wait
        }
        long deadline = System.nanoTime() + left;
        while (items.isEmpty()) {
            if (left <= 0L) {
                return null;
            }
            wait(left / 1_000_000L, (int) (left % 1_000_000L));
            left = deadline - System.nanoTime();
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return items.size();
    }
}
