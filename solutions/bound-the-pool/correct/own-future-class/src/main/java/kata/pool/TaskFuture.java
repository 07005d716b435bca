package kata.pool;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal future: the worker calls {@link #run()}, which stores the task's value or whatever it
 * threw (Errors too); {@link #get} waits on this object's monitor until that happened.
 */
final class TaskFuture<T> implements Future<T>, Runnable {

    private enum State { NEW, RUNNING, DONE, FAILED, CANCELLED }

    private final Callable<T> task;
    private State state = State.NEW;
    private T value;
    private Throwable failure;

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (state != State.NEW) {
                return; // cancelled before it started
            }
            state = State.RUNNING;
        }
        T v = null;
        Throwable t = null;
        try {
            v = task.call();
        } catch (Throwable thrown) {
            t = thrown;
        }
        synchronized (this) {
            if (state == State.RUNNING) {
                value = v;
                failure = t;
                state = t == null ? State.DONE : State.FAILED;
            }
            notifyAll();
        }
    }

    @Override
    public synchronized boolean cancel(boolean mayInterruptIfRunning) {
        if (state != State.NEW && state != State.RUNNING) {
            return false;
        }
        state = State.CANCELLED; // a running task finishes, but its outcome is discarded
        notifyAll();
        return true;
    }

    @Override
    public synchronized boolean isCancelled() {
        return state == State.CANCELLED;
    }

    @Override
    public synchronized boolean isDone() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    @Override
    public synchronized T get() throws InterruptedException, ExecutionException {
        while (!isDone()) {
            wait();
        }
        return outcome();
    }

    @Override
    public synchronized T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long left = unit.toNanos(timeout);
        long deadline = System.nanoTime() + left;
        while (!isDone()) {
            if (left <= 0) {
                throw new TimeoutException();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
        }
        return outcome();
    }

    private T outcome() throws ExecutionException {
        switch (state) {
            case DONE:
                return value;
            case FAILED:
                throw new ExecutionException(failure);
            default:
                throw new CancellationException();
        }
    }
}
