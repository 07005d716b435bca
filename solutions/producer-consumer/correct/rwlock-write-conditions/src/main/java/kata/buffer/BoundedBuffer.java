package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private final Lock readLock = rw.readLock();
    private final Lock writeLock = rw.writeLock();
    private final Condition notFull = writeLock.newCondition();
    private final Condition notEmpty = writeLock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        writeLock.lock();
        try {
            while (items.size() >= capacity) {
                notFull.await();
            }
            items.addLast(item);
            notEmpty.signalAll();
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        writeLock.lock();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            T first = items.removeFirst();
            notFull.signalAll();
            return first;
        } finally {
            writeLock.unlock();
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanosLeft = unit.toNanos(timeout);
        writeLock.lock();
        try {
            while (items.size() >= capacity) {
                if (nanosLeft <= 0) {
                    return false;
                }
                nanosLeft = notFull.awaitNanos(nanosLeft);
            }
            items.addLast(item);
            notEmpty.signalAll();
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanosLeft = unit.toNanos(timeout);
        writeLock.lock();
        try {
            while (items.isEmpty()) {
                if (nanosLeft <= 0) {
                    return null;
                }
                nanosLeft = notEmpty.awaitNanos(nanosLeft);
            }
            T first = items.removeFirst();
            notFull.signalAll();
            return first;
        } finally {
            writeLock.unlock();
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        readLock.lock();
        try {
            return items.size();
        } finally {
            readLock.unlock();
        }
    }
}
