package kata.threads;

/**
 * The second way to make a thread, as in the seed's {@code class MyThread(Thread)}: a subclass of
 * {@link Thread} that does its work in {@link #run()}.
 */
public class JobThread extends Thread {

    /** A thread, not yet started, named after the job, whose {@code run()} does the job's work. */
    public JobThread(Job job) {
        throw new UnsupportedOperationException("JobThread(job) is not written yet: give the thread the job's"
                + " name (pass it to Thread's constructor) and keep the job for run().");
    }

    /** Does the job's work. {@code start()} calls this on the new thread; never call it yourself. */
    @Override
    public void run() {
        throw new UnsupportedOperationException("JobThread.run() is not written yet: run the job's work.");
    }
}
