package kata.threads;

public class JobThread extends Thread {

    public JobThread(Job job) {
        super(job.work(), job.name());
    }

    @Override
    public void run() {
        super.run();
    }
}
