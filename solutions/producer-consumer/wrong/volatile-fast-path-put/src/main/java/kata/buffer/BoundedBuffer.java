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
    private volatile int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        if (count < capacity) {
            // fast path: there is room, no need to wait
            synchronized (this) {
                add(item);
            }
            return;
        }
        synchronized (this) {
            while (count >= capacity) {
                wait();
            }
            add(item);
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        return remove();
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        if (count < capacity) {
            synchronized (this) {
                add(item);
            }
            return true;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (count >= capacity) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            add(item);
            return true;
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (count == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return remove();
    }

    /** The number of items in the buffer now. */
    public int size() {
        return count;
    }

    private void add(T item) {
        items.addLast(item);
        count = items.size();
        notifyAll();
    }

    private T remove() {
        T item = items.removeFirst();
        count = items.size();
        notifyAll();
        return item;
    }
}
