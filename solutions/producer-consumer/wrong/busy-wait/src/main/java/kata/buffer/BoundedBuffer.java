package kata.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/** Wrong: instead of waiting for a notification, it checks again and again (a busy-wait). */
public class BoundedBuffer<T> {

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        while (!tryPut(item)) {
            Thread.onSpinWait();
        }
    }

    public T take() throws InterruptedException {
        T item;
        while ((item = tryTake()) == null) {
            Thread.onSpinWait();
        }
        return item;
    }

    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!tryPut(item)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        T item;
        while ((item = tryTake()) == null) {
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            Thread.onSpinWait();
        }
        return item;
    }

    public synchronized int size() {
        return items.size();
    }

    private synchronized boolean tryPut(T item) {
        if (items.size() == capacity) {
            return false;
        }
        items.addLast(item);
        return true;
    }

    private synchronized T tryTake() {
        return items.pollFirst();
    }
}
