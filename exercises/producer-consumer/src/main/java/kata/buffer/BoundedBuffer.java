package kata.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 */
public class BoundedBuffer<T> {

    private final int capacity;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException("BoundedBuffer.put(item) is not written yet: while the buffer holds"
                + " capacity (" + capacity + ") items, wait (wait() in a while loop, or Condition.await());"
                + " then add the item and wake the threads waiting to take.");
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException("BoundedBuffer.take() is not written yet: while the buffer is empty,"
                + " wait (wait() in a while loop, or Condition.await()); then remove the oldest item and wake the"
                + " threads waiting to put.");
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("BoundedBuffer.offer(item, timeout, unit) is not written yet: like put,"
                + " but wait at most until the deadline (wait(millis) or Condition.awaitNanos) and return false"
                + " if the buffer is still full then.");
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("BoundedBuffer.poll(timeout, unit) is not written yet: like take,"
                + " but wait at most until the deadline and return null if the buffer is still empty then.");
    }

    /** The number of items in the buffer now. */
    public int size() {
        throw new UnsupportedOperationException("BoundedBuffer.size() is not written yet: return how many items"
                + " the buffer holds, reading it under the same lock that put and take use.");
    }
}
