package kata.support.interleave;

/**
 * What a blocked actor waits for. The scheduler asks {@link Run#canResume} whether the wait is over
 * whenever it chooses who runs next, so readiness always follows from the model, never from the
 * JVM's view of the thread.
 */
sealed interface Wait {

    /** No deadline. */
    long NEVER = Long.MAX_VALUE;

    /** The virtual time at which the wait ends by itself, or {@link #NEVER}. */
    long deadline();

    /** True when an interrupt ends the wait. */
    boolean interruptible();

    /** {@code LockSupport.park}: until unparked, interrupted or the deadline. */
    record Park(Object blocker, long deadline, int site) implements Wait {
        @Override
        public boolean interruptible() {
            return true;
        }
    }

    /** Entering a monitor another actor holds. */
    record MonitorEntry(Object monitor, int site) implements Wait {
        @Override
        public long deadline() {
            return NEVER;
        }

        @Override
        public boolean interruptible() {
            return false;
        }
    }

    /**
     * {@code monitor.wait()}: in the monitor's wait set until notified, interrupted or the deadline,
     * then entering the monitor again with the nesting count it had.
     */
    final class MonitorWait implements Wait {
        final Object monitor;
        final int site;
        final long deadline;
        final int count;
        boolean notified;
        /** Interrupted, it left the wait set before a notify reached it: no notify counts for it now. */
        boolean left;

        MonitorWait(Object monitor, int site, long deadline, int count) {
            this.monitor = monitor;
            this.site = site;
            this.deadline = deadline;
            this.count = count;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public boolean interruptible() {
            return true;
        }
    }

    /** {@code thread.join()}: until the other actor ends. */
    record Join(Actor target, long deadline) implements Wait {
        @Override
        public boolean interruptible() {
            return true;
        }
    }

    /** {@code Thread.sleep}. */
    record Sleep(long deadline) implements Wait {
        @Override
        public boolean interruptible() {
            return true;
        }
    }

    /**
     * The test waits until every other actor has got as far as it can without time passing. With
     * {@code spinningCounts}, an actor that keeps running for a while without waiting (a busy wait)
     * counts as having got as far as it can.
     */
    record Quiet(boolean spinningCounts) implements Wait {
        @Override
        public long deadline() {
            return NEVER;
        }

        @Override
        public boolean interruptible() {
            return false;
        }
    }
}
