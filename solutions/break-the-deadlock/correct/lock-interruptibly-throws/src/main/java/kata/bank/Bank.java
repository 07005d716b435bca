package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-bank ReentrantLocks taken in id order with lockInterruptibly(), then the accounts' monitors in
 * the same order. An interrupted teller gets an IllegalStateException, with nothing changed and every
 * lock it had taken released (finally blocks), and its interrupt flag set again.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to are the same account: " + from);
        }
        List<Account> ordered = new ArrayList<>(List.of(from, to));
        ordered.sort(BY_ID);
        underLocks(ordered, 0, () -> {
            from.withdraw(amount);
            to.deposit(amount);
            return 0;
        });
    }

    public long total(List<Account> accounts) {
        List<Account> ordered = new ArrayList<>(accounts);
        ordered.sort(BY_ID);
        return underLocks(ordered, 0, () -> {
            long sum = 0;
            for (Account account : ordered) {
                sum += account.balance();
            }
            return sum;
        });
    }

    /** Takes ordered[i]'s lock and monitor, then the rest's, and runs the body holding them all. */
    private long underLocks(List<Account> ordered, int i, java.util.function.LongSupplier body) {
        if (i == ordered.size()) {
            return body.getAsLong();
        }
        Account account = ordered.get(i);
        ReentrantLock lock = locks.computeIfAbsent(account.id(), id -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + account + ": nothing moved", e);
        }
        try {
            synchronized (account) {
                return underLocks(ordered, i + 1, body);
            }
        } finally {
            lock.unlock();
        }
    }
}
