package kata.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition spaceAvailable = lock.newCondition();
    private final Condition itemAvailable = lock.newCondition();
    private final List<T> contents = new ArrayList<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        lock.lock();
        try {
            while (contents.size() >= capacity) {
                spaceAvailable.await();
            }
            add(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (contents.isEmpty()) {
                itemAvailable.await();
            }
            return remove();
        } finally {
            lock.unlock();
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (contents.size() >= capacity) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                spaceAvailable.await(left, TimeUnit.NANOSECONDS);
            }
            add(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (contents.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                itemAvailable.await(left, TimeUnit.NANOSECONDS);
            }
            return remove();
        } finally {
            lock.unlock();
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        lock.lock();
        try {
            return contents.size();
        } finally {
            lock.unlock();
        }
    }

    private void add(T item) {
        contents.add(item);
        itemAvailable.signalAll();
    }

    private T remove() {
        T item = contents.remove(0);
        spaceAvailable.signalAll();
        return item;
    }
}
