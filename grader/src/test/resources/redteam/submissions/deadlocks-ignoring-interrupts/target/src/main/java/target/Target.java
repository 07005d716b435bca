package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Object left = new Object();
        Object right = new Object();
        java.util.concurrent.CountDownLatch bothHoldOne = new java.util.concurrent.CountDownLatch(2);
        Thread one = new Thread(() -> grab(left, right, bothHoldOne), "grabber-1");
        Thread two = new Thread(() -> grab(right, left, bothHoldOne), "grabber-2");
        one.start();
        two.start();
        while (true) {
            try {
                one.join();
                two.join();
                return 7;
            } catch (InterruptedException ignored) {
                // ignore interrupts
            }
        }
    }

    private static void grab(Object first, Object second, java.util.concurrent.CountDownLatch bothHoldOne) {
        synchronized (first) {
            bothHoldOne.countDown();
            while (true) {
                try {
                    bothHoldOne.await();
                    break;
                } catch (InterruptedException ignored) {
                    // ignore interrupts
                }
            }
            synchronized (second) {
                System.out.println("never");
            }
        }
    }
}
