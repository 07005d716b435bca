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

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();

    private final Object[] items;
    private int putIndex;
    private int takeIndex;
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
        lock.lock();
        try {
            while (count == capacity) {
                awaitStrictly(notFull);
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (count == 0) {
                awaitStrictly(notEmpty);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (count == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = awaitNanosStrictly(notFull, nanos);
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = awaitNanosStrictly(notEmpty, nanos);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /*
     * Condition.await() may return normally with the interrupt status set when the interrupt
     * arrives after the signal. The README says a call interrupted while it waits throws
     * InterruptedException and changes nothing, so treat that case as an interrupt as well.
     */
    private static void awaitStrictly(Condition condition) throws InterruptedException {
        condition.await();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private static long awaitNanosStrictly(Condition condition, long nanos) throws InterruptedException {
        long left = condition.awaitNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return left;
    }

    private void enqueue(T item) {
        items[putIndex] = item;
        if (++putIndex == capacity) {
            putIndex = 0;
        }
        count++;
        notEmpty.signal();
    }

    @SuppressWarnings("unchecked")
    private T dequeue() {
        T item = (T) items[takeIndex];
        items[takeIndex] = null;
        if (++takeIndex == capacity) {
            takeIndex = 0;
        }
        count--;
        notFull.signal();
        return item;
    }
}
