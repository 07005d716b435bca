package kata.buffer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Wrong for this kata: correct, but the waiting is done by ArrayBlockingQueue, not by the student. */
public class BoundedBuffer<T> {

    private final ArrayBlockingQueue<T> items;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        items = new ArrayBlockingQueue<>(capacity);
    }

    public void put(T item) throws InterruptedException {
        items.put(item);
    }

    public T take() throws InterruptedException {
        return items.take();
    }

    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        return items.offer(item, timeout, unit);
    }

    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        return items.poll(timeout, unit);
    }

    public int size() {
        return items.size();
    }
}
