package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 *
 * <p>Consumers that have to wait queue up; a producer that finds one waiting hands its item straight
 * to the first of them, so waiting consumers are served in their order and a late-comer cannot
 * snatch the item from under them.
 */
public class BoundedBuffer<T> {

    private final int capacity;

    /** A waiting consumer's mailbox; filled by a producer, under the lock. */
    private static final class Slot<E> {
        E item;
    }

    private final Object lock = new Object();
    private final Object[] items;
    private int head;
    private int count;
    /** Consumers waiting for an item, oldest first. Non-empty only while the buffer is empty. */
    private final ArrayDeque<Slot<T>> waitingConsumers = new ArrayDeque<>();

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
                lock.wait();
            }
            deliver(item);
        }
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        synchronized (lock) {
            if (count > 0) {
                return removeOldest();
            }
            Slot<T> mine = new Slot<>();
            waitingConsumers.addLast(mine);
            try {
                while (mine.item == null) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                waitingConsumers.remove(mine);
                throw e;
            }
            return mine.item;
        }
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        long deadline = System.nanoTime() + left;
        synchronized (lock) {
            while (count == capacity) {
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                left = deadline - System.nanoTime();
            }
            deliver(item);
            return true;
        }
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        long deadline = System.nanoTime() + left;
        synchronized (lock) {
            if (count > 0) {
                return removeOldest();
            }
            if (left <= 0) {
                return null;
            }
            Slot<T> mine = new Slot<>();
            waitingConsumers.addLast(mine);
            try {
                while (mine.item == null) {
                    if (left <= 0) {
                        waitingConsumers.remove(mine);
                        return null;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                    left = deadline - System.nanoTime();
                }
            } catch (InterruptedException e) {
                waitingConsumers.remove(mine);
                throw e;
            }
            return mine.item;
        }
    }

    /** The number of items in the buffer now. */
    public int size() {
        synchronized (lock) {
            return count;
        }
    }

    // Helpers run with the lock held.

    /** Hands the item to the first waiting consumer, or stores it if nobody waits. */
    private void deliver(T item) {
        Slot<T> first = waitingConsumers.pollFirst();
        if (first != null) {
            first.item = item;
        } else {
            items[(head + count) % capacity] = item;
            count++;
        }
        lock.notifyAll();
    }

    private T removeOldest() {
        @SuppressWarnings("unchecked")
        T item = (T) items[head];
        items[head] = null;
        head = (head + 1) % capacity;
        count--;
        lock.notifyAll();
        return item;
    }
}
