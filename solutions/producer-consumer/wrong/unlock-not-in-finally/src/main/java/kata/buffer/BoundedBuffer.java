package kata.buffer;

import java.util.ArrayDeque;
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
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        lock.lock();
        while (items.size() == capacity) {
            notFull.await();
        }
        items.addLast(item);
        notEmpty.signalAll();
        lock.unlock();
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        lock.lock();
        while (items.isEmpty()) {
            notEmpty.await();
        }
        T item = items.removeFirst();
        notFull.signalAll();
        lock.unlock();
        return item;
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        while (items.size() == capacity) {
            if (nanos <= 0) {
                lock.unlock();
                return false;
            }
            nanos = notFull.awaitNanos(nanos);
        }
        items.addLast(item);
        notEmpty.signalAll();
        lock.unlock();
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        while (items.isEmpty()) {
            if (nanos <= 0) {
                lock.unlock();
                return null;
            }
            nanos = notEmpty.awaitNanos(nanos);
        }
        T item = items.removeFirst();
        notFull.signalAll();
        lock.unlock();
        return item;
    }

    /** The number of items in the buffer now. */
    public int size() {
        lock.lock();
        int n = items.size();
        lock.unlock();
        return n;
    }
}
