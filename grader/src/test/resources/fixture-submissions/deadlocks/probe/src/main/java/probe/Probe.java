package probe;

public class Probe {
    private final Object left = new Object();
    private final Object right = new Object();

    public int answer() {
        java.util.concurrent.CountDownLatch bothHoldOne = new java.util.concurrent.CountDownLatch(2);
        Thread one = new Thread(() -> grab(left, right, bothHoldOne), "grabber-1");
        Thread two = new Thread(() -> grab(right, left, bothHoldOne), "grabber-2");
        one.start();
        two.start();
        try {
            one.join();
            two.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 42;
    }

    private static void grab(Object first, Object second, java.util.concurrent.CountDownLatch bothHoldOne) {
        synchronized (first) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                bothHoldOne.countDown();
            }
        }
    }

    public void say(String text) {
        System.out.println(text);
    }
}
