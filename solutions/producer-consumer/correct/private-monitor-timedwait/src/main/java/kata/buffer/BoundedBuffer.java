package kata.buffer;

import java.util.LinkedList;
import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Object lock = new Object();
    private final LinkedList<T> queue = new LinkedList<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item must not be null");
        }
        synchronized (lock) {
            while (queue.size() == capacity) {
                lock.wait();
            }
            queue.addLast(item);
            lock.notifyAll();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        synchronized (lock) {
            while (queue.isEmpty()) {
                lock.wait();
            }
            T head = queue.removeFirst();
            lock.notifyAll();
            return head;
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item must not be null");
        }
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (queue.size() == capacity) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            queue.addLast(item);
            lock.notifyAll();
            return true;
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (queue.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            T head = queue.removeFirst();
            lock.notifyAll();
            return head;
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        synchronized (lock) {
            return queue.size();
        }
    }
}
