package kata.pool;

import java.util.LinkedList;
import java.util.concurrent.RejectedExecutionException;

/**
 * A bounded channel that can be closed, like a Go channel: {@link #send} waits for room and is refused
 * once the channel is closed (also while it waits); {@link #receive} waits for an item and returns
 * {@code null} once the channel is closed and drained. All state is guarded by this object's monitor.
 */
final class TaskChannel<E> {

    private final LinkedList<E> items = new LinkedList<>();
    private final int capacity;
    private boolean closed;

    TaskChannel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void send(E item) throws InterruptedException {
        while (!closed && items.size() >= capacity) {
            wait();
        }
        if (closed) {
            throw new RejectedExecutionException("channel closed");
        }
        items.addLast(item);
        notifyAll();
    }

    /** Waits for an item; {@code null} means closed and empty. Not interruptible: workers are never interrupted. */
    synchronized E receive() {
        boolean interrupted = false;
        try {
            while (items.isEmpty() && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (items.isEmpty()) {
                return null;
            }
            E item = items.removeFirst();
            notifyAll(); // room for a sender
            return item;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
