package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 *
 * <p>One lock, two conditions. The lock is taken with {@code lockInterruptibly()}, so a call can be
 * interrupted even while it waits for the lock, and always released in {@code finally}.
 */
public class BoundedBuffer<T> {

    private final int capacity;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        try {
            lock.lockInterruptibly();
            while (items.size() == capacity) {
                notFull.await();
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        try {
            lock.lockInterruptibly();
            while (items.isEmpty()) {
                notEmpty.await();
            }
            T item = items.removeFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        try {
            lock.lockInterruptibly();
            while (items.size() == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            items.addLast(item);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        try {
            lock.lockInterruptibly();
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            T item = items.removeFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
