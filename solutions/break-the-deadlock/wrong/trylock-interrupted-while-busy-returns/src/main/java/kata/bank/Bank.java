package kata.bank;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Try and back off: each account has a {@link ReentrantLock} gate kept by this bank. A transfer
 * grabs the source's gate, then tries the target's gate (a short timed wait if it is busy); if it
 * does not get it, it lets go of both, backs off for a random while and tries again. With both gates
 * held it takes the two monitors required by {@link Account}. {@code total()} takes all its gates
 * the same all-or-nothing way.
 */
public class Bank {

    private static final long TRY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long MIN_BACKOFF_NANOS = TimeUnit.MICROSECONDS.toNanos(5);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ConcurrentHashMap<Account, ReentrantLock> gates = new ConcurrentHashMap<>();

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself: " + from);
        }
        ReentrantLock fromGate = gate(from);
        ReentrantLock toGate = gate(to);
        long backoffBound = MIN_BACKOFF_NANOS;
        while (true) {
            if (fromGate.tryLock()) {
                try {
                    if (toGate.tryLock() || toGate.tryLock(TRY_NANOS, TimeUnit.NANOSECONDS)) {
                        try {
                            synchronized (from) {
                                synchronized (to) {
                                    from.withdraw(amount);
                                    to.deposit(amount);
                                }
                            }
                            return;
                        } finally {
                            toGate.unlock();
                        }
                    }
                } catch (InterruptedException e) {
                    // the teller is being stopped: keep the interrupt status for the caller and stop
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    fromGate.unlock();
                }
            }
            LockSupport.parkNanos(1 + ThreadLocalRandom.current().nextLong(backoffBound));
            backoffBound = Math.min(backoffBound * 2, MAX_BACKOFF_NANOS);
        }
    }

    public long total(List<Account> accounts) {
        Account[] all = accounts.toArray(new Account[0]);
        boolean interrupted = takeAllGates(all);
        try {
            return sumHoldingMonitors(all, 0);
        } finally {
            releaseGates(all, all.length);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ReentrantLock gate(Account account) {
        ReentrantLock gate = gates.get(account);
        return gate != null ? gate : gates.computeIfAbsent(account, a -> new ReentrantLock());
    }

    private boolean takeAllGates(Account[] accounts) {
        boolean interrupted = Thread.interrupted();
        long backoffBound = MIN_BACKOFF_NANOS;
        while (true) {
            int held = 0;
            try {
                while (held < accounts.length
                        && gate(accounts[held]).tryLock(TRY_NANOS, TimeUnit.NANOSECONDS)) {
                    held++;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (held == accounts.length) {
                return interrupted;
            }
            releaseGates(accounts, held);
            LockSupport.parkNanos(1 + ThreadLocalRandom.current().nextLong(backoffBound));
            backoffBound = Math.min(backoffBound * 2, MAX_BACKOFF_NANOS);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
    }

    private void releaseGates(Account[] accounts, int held) {
        for (int i = held - 1; i >= 0; i--) {
            gate(accounts[i]).unlock();
        }
    }

    private static long sumHoldingMonitors(Account[] accounts, int next) {
        if (next == accounts.length) {
            long sum = 0;
            for (Account account : accounts) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (accounts[next]) {
            return sumHoldingMonitors(accounts, next + 1);
        }
    }
}
