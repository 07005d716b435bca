package kata.threads;

/**
 * The second way to make a thread, as in the seed's {@code class MyThread(Thread)}: a subclass of
 * {@link Thread} that does its work in {@link #run()}.
 */
public class JobThread extends Thread {

    private final Job job;

    /** A thread, not yet started, named after the job, whose {@code run()} does the job's work. */
    public JobThread(Job job) {
        super(job.name());
        this.job = job;
    }

    /** Does the job's work. {@code start()} calls this on the new thread; never call it yourself. */
    @Override
    public void run() {
        job.work().run();
    }
}
