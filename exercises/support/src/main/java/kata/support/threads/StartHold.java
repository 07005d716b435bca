package kata.support.threads;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kata.support.PublicApi;
import kata.support.agent.StudentCode;
import kata.support.boot.Hooks;

/**
 * Holds the threads that one thread starts at their very beginning, before the first instruction of
 * their own code, until the check lets them go. So "stop() right after start(), before the worker
 * thread has run" happens on every run and on any machine, instead of now and then. Needs the kata
 * agent (in either mode), and refuses to start without it: a check that cannot hold the thread must
 * not pass as if it had. An interrupt that reaches a held thread is kept for it. One at a time.
 *
 * <pre>{@code
 * try (StartHold hold = StartHold.threadsStartedBy(boss)) {
 *     boss.start();                        // calls worker.start(), then worker.stop()
 *     ...                                  // the worker thread is held; stop() is called
 *     hold.open();
 * }
 * }</pre>
 */
@PublicApi
public final class StartHold implements AutoCloseable {

    private static final AtomicBoolean IN_USE = new AtomicBoolean();
    /** The longest a thread is held, should a check never open the hold. */
    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final Thread starter;
    /** Started by the starter and not yet past their beginning: counted from start() on, not from when they run. */
    private final Set<Thread> unbegun = ConcurrentHashMap.newKeySet();
    private final CountDownLatch opened = new CountDownLatch(1);

    private StartHold(Thread starter) {
        this.starter = starter;
    }

    /**
     * From now until {@link #close()}, every thread that {@code starter} starts waits at its
     * beginning until {@link #open()}.
     *
     * @throws IllegalStateException without the kata agent, or while another hold is in use
     */
    public static StartHold threadsStartedBy(Thread starter) {
        if (!StudentCode.agentActive()) {
            throw new IllegalStateException("This check holds new threads at their start and needs the kata agent,"
                    + " which `mvn verify` and the grader add (-javaagent:kata-support.jar=<classes dir>).");
        }
        if (!IN_USE.compareAndSet(false, true)) {
            throw new IllegalStateException("Only one StartHold at a time.");
        }
        StartHold hold = new StartHold(starter);
        Hooks.watchThreads(hold::starting, hold::beginning);
        return hold;
    }

    /**
     * How many threads the starter has started that have not begun their code yet: each one is
     * counted as soon as its {@code start()} is called, whether or not it has been scheduled since.
     */
    public int holding() {
        return unbegun.size();
    }

    /** Lets the held threads, and any later ones, go. */
    public void open() {
        opened.countDown();
    }

    /** Opens the hold and stops watching new threads. */
    @Override
    public void close() {
        open();
        Hooks.watchThreads(null, null);
        IN_USE.set(false);
    }

    private void starting(Thread thread) {
        if (Thread.currentThread() == starter) {
            unbegun.add(thread);
        }
    }

    private void beginning() {
        Thread self = Thread.currentThread();
        // Once through, a thread is no longer held: a Thread subclass whose run() calls super.run()
        // begins twice.
        if (!unbegun.contains(self)) {
            return;
        }
        boolean interrupted = false;
        long end = System.nanoTime() + LONGEST.toNanos();
        try {
            while (true) {
                try {
                    opened.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            unbegun.remove(self);
            if (interrupted) {
                self.interrupt();
            }
        }
    }
}
