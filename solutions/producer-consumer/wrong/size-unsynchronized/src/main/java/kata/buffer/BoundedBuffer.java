package kata.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Object[] slots;
    private int head;
    private int tail;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.slots = new Object[capacity];
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (count == capacity) {
            wait();
        }
        enqueue(item);
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        return dequeue();
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
        enqueue(item);
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
        return dequeue();
    }

    /** The number of items in the buffer now. */
    public int size() {
        return count; // an int read is atomic, no lock needed
    }

    private void enqueue(T item) {
        slots[tail] = item;
        tail = (tail + 1) % capacity;
        count++;
        notifyAll();
    }

    @SuppressWarnings("unchecked")
    private T dequeue() {
        T item = (T) slots[head];
        slots[head] = null;
        head = (head + 1) % capacity;
        count--;
        notifyAll();
        return item;
    }
}
