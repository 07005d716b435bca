package kata.limit;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once. The permits are tokens in a
 * {@link BlockingQueue}: a caller takes a token before its task and puts it back after, so at
 * most as many tasks run as there are tokens.
 */
public class Limiter {

    private static final class Token {
    }

    private final BlockingQueue<Token> tokens;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        tokens = new ArrayBlockingQueue<>(permits);
        for (int i = 0; i < permits; i++) {
            tokens.add(new Token());
        }
    }

    public void run(Runnable task) throws InterruptedException {
        Token token = tokens.take();
        try {
            task.run();
        } finally {
            tokens.add(token);
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        Token token = tokens.poll(timeout, unit);
        if (token == null) {
            return false;
        }
        try {
            task.run();
        } finally {
            tokens.add(token);
        }
        return true;
    }
}
