package kata.buffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 *
 * <p>Producers and consumers use separate locks so that a put and a take can run at the same
 * time (the producers touch only the tail, the consumers only the head).
 */
public class BoundedBuffer<T> {

    private static final class Node<E> {
        E item;
        Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    private final int capacity;
    private int count;

    private Node<T> head = new Node<>(null); // dummy; head.next is the oldest item
    private Node<T> last = head;

    private final ReentrantLock putLock = new ReentrantLock();
    private final Condition notFull = putLock.newCondition();
    private final ReentrantLock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        putLock.lockInterruptibly();
        try {
            while (count == capacity) {
                notFull.await();
            }
            enqueue(item);
        } finally {
            putLock.unlock();
        }
        signalNotEmpty();
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        T item;
        takeLock.lockInterruptibly();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            item = dequeue();
        } finally {
            takeLock.unlock();
        }
        signalNotFull();
        return item;
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        putLock.lockInterruptibly();
        try {
            while (count == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            enqueue(item);
        } finally {
            putLock.unlock();
        }
        signalNotEmpty();
        return true;
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        T item;
        takeLock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            item = dequeue();
        } finally {
            takeLock.unlock();
        }
        signalNotFull();
        return item;
    }

    /** The number of items in the buffer now. */
    public int size() {
        putLock.lock();
        try {
            return count;
        } finally {
            putLock.unlock();
        }
    }

    private void enqueue(T item) {
        Node<T> node = new Node<>(item);
        last.next = node;
        last = node;
        count++;
    }

    private T dequeue() {
        Node<T> first = head.next;
        head.next = null;
        head = first;
        T item = first.item;
        first.item = null;
        count--;
        return item;
    }

    private void signalNotEmpty() {
        takeLock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            takeLock.unlock();
        }
    }

    private void signalNotFull() {
        putLock.lock();
        try {
            notFull.signalAll();
        } finally {
            putLock.unlock();
        }
    }
}
