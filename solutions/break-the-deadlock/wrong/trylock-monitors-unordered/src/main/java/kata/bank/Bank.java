package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Try and back off: every account gets a ReentrantLock in this bank. A transfer tryLocks both; if
 * the second is not free in time it releases the first, waits a random little while and retries
 * until it has both. Once a teller owns both ReentrantLocks no other teller can be inside either
 * account, so taking the accounts' monitors cannot block on another transfer.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    private final ConcurrentHashMap<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

    private ReentrantLock lockOf(Account account) {
        return locks.computeIfAbsent(account, a -> new ReentrantLock());
    }

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to are the same account: " + from);
        }
        ReentrantLock first = lockOf(from);
        ReentrantLock second = lockOf(to);
        boolean interrupted = false;
        while (true) {
            try {
                if (first.tryLock(1, TimeUnit.MILLISECONDS)) {
                    try {
                        if (second.tryLock(1, TimeUnit.MILLISECONDS)) {
                            try {
                                synchronized (from) {
                                    synchronized (to) {
                                        from.withdraw(amount);
                                        to.deposit(amount);
                                    }
                                }
                                break;
                            } finally {
                                second.unlock();
                            }
                        }
                    } finally {
                        first.unlock();
                    }
                }
            } catch (InterruptedException e) {
                interrupted = true; // keep going: a transfer must not be dropped
            }
            backOff();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void backOff() {
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(50, 500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long total(List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(BY_ID);
        return sumHolding(sorted, 0);
    }

    private long sumHolding(List<Account> sorted, int i) {
        if (i == sorted.size()) {
            long sum = 0;
            for (Account a : sorted) {
                sum += a.balance();
            }
            return sum;
        }
        synchronized (sorted.get(i)) {
            return sumHolding(sorted, i + 1);
        }
    }
}
