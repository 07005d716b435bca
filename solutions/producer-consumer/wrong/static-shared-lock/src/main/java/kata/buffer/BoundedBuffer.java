package kata.buffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    /** The lock that guards the buffer's state, and its two conditions. */
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition NOT_FULL = LOCK.newCondition();
    private static final Condition NOT_EMPTY = LOCK.newCondition();

    private final int capacity;

    private final Object[] items;
    private int takeIndex;
    private int putIndex;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new Object[capacity];
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        LOCK.lock();
        try {
            while (count == capacity) {
                NOT_FULL.await();
            }
            insert(item);
        } finally {
            LOCK.unlock();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        LOCK.lock();
        try {
            while (count == 0) {
                NOT_EMPTY.await();
            }
            return extract();
        } finally {
            LOCK.unlock();
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        LOCK.lock();
        try {
            while (count == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = NOT_FULL.awaitNanos(nanos);
            }
            insert(item);
            return true;
        } finally {
            LOCK.unlock();
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        LOCK.lock();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = NOT_EMPTY.awaitNanos(nanos);
            }
            return extract();
        } finally {
            LOCK.unlock();
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        LOCK.lock();
        try {
            return count;
        } finally {
            LOCK.unlock();
        }
    }

    private void insert(T item) {
        items[putIndex] = item;
        putIndex = (putIndex + 1) % capacity;
        count++;
        NOT_EMPTY.signal();
    }

    private T extract() {
        @SuppressWarnings("unchecked")
        T item = (T) items[takeIndex];
        items[takeIndex] = null;
        takeIndex = (takeIndex + 1) % capacity;
        count--;
        NOT_FULL.signal();
        return item;
    }
}
