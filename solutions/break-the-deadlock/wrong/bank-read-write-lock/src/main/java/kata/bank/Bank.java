package kata.bank;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Transfers lock their two accounts in id order. On top of that, transfers share the read side
 * of a read-write lock and {@code total} takes the write side, so a total never even starts while
 * a transfer is half done. Transfers only share the read lock, so they still run in parallel.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    private final ReadWriteLock snapshotLock = new ReentrantReadWriteLock();

    /**
     * Moves {@code amount} from one account to the other as one indivisible step: no one ever sees
     * the money in neither account or in both. Transfers between different accounts must be able
     * to run at the same time, and no combination of transfers may ever deadlock.
     *
     * @throws IllegalArgumentException if {@code amount <= 0} or {@code from} and {@code to} are the
     *                                  same account
     * @throws IllegalStateException    if {@code from} holds less than {@code amount}; nothing changes then
     */
    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from " + from + " to itself");
        }
        Account first = BY_ID.compare(from, to) < 0 ? from : to;
        Account second = first == from ? to : from;
        snapshotLock.readLock().lock(); // shared: other transfers are not held up
        try {
            synchronized (first) {
                synchronized (second) {
                    from.withdraw(amount);
                    to.deposit(amount);
                }
            }
        } finally {
            snapshotLock.readLock().unlock();
        }
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        Account[] sorted = accounts.toArray(new Account[0]);
        Arrays.sort(sorted, BY_ID);
        snapshotLock.writeLock().lock();
        try {
            return sumHolding(sorted, 0);
        } finally {
            snapshotLock.writeLock().unlock();
        }
    }

    private static long sumHolding(Account[] sorted, int i) {
        if (i == sorted.length) {
            long sum = 0;
            for (Account account : sorted) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (sorted[i]) {
            return sumHolding(sorted, i + 1);
        }
    }
}
