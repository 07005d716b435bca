package kata.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 *
 * <p>Guarded blocks on a private monitor: {@code while (...) lock.wait()} and {@code notifyAll()}
 * after every change. The storage is a ring of exactly {@code capacity} slots.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    /** Blocked put/take look at the buffer again at least this often, in case a notify went astray. */
    private static final long RECHECK_MILLIS = 20;

    private final Object lock = new Object();
    private final Object[] items;
    private int head;   // index of the oldest item
    private int count;  // number of items held

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new Object[capacity];
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        synchronized (lock) {
            while (count == capacity) {
                lock.wait(RECHECK_MILLIS);
            }
            enqueue(item);
            lock.notifyAll();
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        synchronized (lock) {
            while (count == 0) {
                lock.wait(RECHECK_MILLIS);
            }
            T item = dequeue();
            lock.notifyAll();
            return item;
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos; // may overflow: only ever used as deadline - now
        synchronized (lock) {
            while (count == capacity) {
                if (nanos <= 0L) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                waitAtMost(left);
            }
            enqueue(item);
            lock.notifyAll();
            return true;
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (count == 0) {
                if (nanos <= 0L) {
                    return null;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return null;
                }
                waitAtMost(left);
            }
            T item = dequeue();
            lock.notifyAll();
            return item;
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        synchronized (lock) {
            return count;
        }
    }

    /** Waits on the lock for at most {@code nanos} (> 0) nanoseconds; never calls wait(0, 0). */
    private void waitAtMost(long nanos) throws InterruptedException {
        long millis = nanos / 1_000_000L;
        int rest = (int) (nanos % 1_000_000L);
        lock.wait(millis, rest);
    }

    private void enqueue(T item) {
        items[(head + count) % capacity] = item;
        count++;
    }

    @SuppressWarnings("unchecked")
    private T dequeue() {
        T item = (T) items[head];
        items[head] = null;
        head = (head + 1) % capacity;
        count--;
        return item;
    }
}
