package kata.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Object[] buffer;
    private int in;   // next slot to write
    private int out;  // next slot to read
    private static int count; // items currently buffered

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.buffer = new Object[capacity];
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (count == capacity) {
            wait();
        }
        store(item);
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        return fetch();
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public synchronized boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (count == capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        store(item);
        return true;
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
        return fetch();
    }

    /** The number of items in the buffer now. */
    public synchronized int size() {
        return count;
    }

    private void store(T item) {
        buffer[in] = item;
        in = (in + 1) % capacity;
        count++;
        notifyAll();
    }

    @SuppressWarnings("unchecked")
    private T fetch() {
        T item = (T) buffer[out];
        buffer[out] = null;
        out = (out + 1) % capacity;
        count--;
        notifyAll();
        return item;
    }
}
