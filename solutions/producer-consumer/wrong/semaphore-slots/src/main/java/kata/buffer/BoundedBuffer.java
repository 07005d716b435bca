package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Semaphore freeSlots;
    private final Semaphore filledSlots = new Semaphore(0);
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.freeSlots = new Semaphore(capacity);
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        freeSlots.acquire();
        synchronized (items) {
            items.addLast(item);
        }
        filledSlots.release();
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        filledSlots.acquire();
        T item;
        synchronized (items) {
            item = items.removeFirst();
        }
        freeSlots.release();
        return item;
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        if (!freeSlots.tryAcquire(timeout, unit)) {
            return false;
        }
        synchronized (items) {
            items.addLast(item);
        }
        filledSlots.release();
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (!filledSlots.tryAcquire(timeout, unit)) {
            return null;
        }
        T item;
        synchronized (items) {
            item = items.removeFirst();
        }
        freeSlots.release();
        return item;
    }

    /** The number of items in the buffer now. */
    public int size() {
        synchronized (items) {
            return items.size();
        }
    }
}
