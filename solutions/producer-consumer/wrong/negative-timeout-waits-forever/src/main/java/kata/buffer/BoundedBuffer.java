package kata.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;

    private final Object[] items;
    private int head;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new Object[capacity];
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (count == capacity) {
            wait();
        }
        add(item);
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        return remove();
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public synchronized boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + unit.toNanos(timeout);
        // now + timeout overflowed: Long.MAX_VALUE and the like mean "practically for ever"
        boolean forever = deadline < now;
        while (count == capacity) {
            if (forever) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitAtMost(left);
            }
        }
        add(item);
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + unit.toNanos(timeout);
        boolean forever = deadline < now;
        while (count == 0) {
            if (forever) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                waitAtMost(left);
            }
        }
        return remove();
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return count;
    }

    /** Waits at most {@code nanos} (> 0) nanoseconds; never calls wait(0, 0). */
    private void waitAtMost(long nanos) throws InterruptedException {
        wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }

    private void add(T item) {
        items[(head + count) % capacity] = item;
        count++;
        notifyAll();
    }

    private T remove() {
        @SuppressWarnings("unchecked")
        T item = (T) items[head];
        items[head] = null;
        head = (head + 1) % capacity;
        count--;
        notifyAll();
        return item;
    }
}
