package kata.buffer;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking buffer: producers {@code put} items, consumers {@code take} them, first in,
 * first out. It holds at most {@code capacity} items; a producer waits while it is full and a
 * consumer waits while it is empty. Items are never null.
 *
 * <p>Waiting is built by hand: a thread that must wait adds itself to a waiter set while it holds
 * the lock, releases the lock and parks. Whoever changes the items unparks every waiter of the
 * other kind. Because the registration happens under the lock before the thread parks, and
 * {@code unpark} before {@code park} leaves a permit, no wake-up can be lost.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final Set<Thread> waitingProducers = new LinkedHashSet<>();
    private final Set<Thread> waitingConsumers = new LinkedHashSet<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item at the end, waiting as long as it takes while the buffer is full. */
    public void put(T item) throws InterruptedException {
        insert(item, false, 0L);
    }

    /** Removes and returns the oldest item, waiting as long as it takes while the buffer is empty. */
    public T take() throws InterruptedException {
        return extract(false, 0L);
    }

    /** Like put, but gives up after the timeout: returns true if the item was added, false if the time ran out. */
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        return insert(item, true, unit.toNanos(timeout));
    }

    /** Like take, but gives up after the timeout: returns the oldest item, or null if the time ran out. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        return extract(true, unit.toNanos(timeout));
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

    private boolean insert(T item, boolean timed, long nanos) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException();
        }
        final Thread me = Thread.currentThread();
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        while (true) {
            long left = 0L;
            lock.lock();
            try {
                if (Thread.interrupted()) {
                    waitingProducers.remove(me);
                    throw new InterruptedException();
                }
                if (items.size() < capacity) {
                    waitingProducers.remove(me);
                    items.addLast(item);
                    wakeAll(waitingConsumers);
                    return true;
                }
                if (timed) {
                    left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        waitingProducers.remove(me);
                        return false;
                    }
                }
                waitingProducers.add(me);
            } finally {
                lock.unlock();
            }
            if (timed) {
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
        }
    }

    private T extract(boolean timed, long nanos) throws InterruptedException {
        final Thread me = Thread.currentThread();
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        while (true) {
            long left = 0L;
            lock.lock();
            try {
                if (Thread.interrupted()) {
                    waitingConsumers.remove(me);
                    throw new InterruptedException();
                }
                if (!items.isEmpty()) {
                    waitingConsumers.remove(me);
                    T item = items.removeFirst();
                    wakeAll(waitingProducers);
                    return item;
                }
                if (timed) {
                    left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        waitingConsumers.remove(me);
                        return null;
                    }
                }
                waitingConsumers.add(me);
            } finally {
                lock.unlock();
            }
            if (timed) {
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Called with the lock held: unparks every registered waiter and forgets them. */
    private static void wakeAll(Set<Thread> waiters) {
        for (Thread t : waiters) {
            LockSupport.unpark(t);
        }
        waiters.clear();
    }
}
