package kata.bank;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    /** How long one transfer keeps retrying before it stops spinning. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Try-lockable gate per account, per bank: lets a transfer back off instead of waiting forever. */
    private final ConcurrentHashMap<Account, ReentrantLock> gates = new ConcurrentHashMap<>();

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
        ReentrantLock fromGate = gates.computeIfAbsent(from, a -> new ReentrantLock());
        ReentrantLock toGate = gates.computeIfAbsent(to, a -> new ReentrantLock());
        boolean interrupted = false;
        long start = System.nanoTime();
        try {
            while (System.nanoTime() - start < PATIENCE_NANOS) {
                try {
                    if (fromGate.tryLock(1, TimeUnit.MILLISECONDS)) {
                        try {
                            if (toGate.tryLock(1, TimeUnit.MILLISECONDS)) {
                                try {
                                    move(from, to, amount);
                                    return;
                                } finally {
                                    toGate.unlock();
                                }
                            }
                        } finally {
                            fromGate.unlock();
                        }
                    }
                    // Back off for a random while so opposite transfers do not retry in lockstep.
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10));
                } catch (InterruptedException e) {
                    interrupted = true; // keep going; restore the flag at the end
                }
            }
            // Still could not get both accounts after a whole second: the bank is jammed, stop
            // spinning instead of burning this teller's thread forever.
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        Account[] sorted = accounts.toArray(new Account[0]);
        Arrays.sort(sorted, BY_ID);
        return sumLocked(sorted, 0);
    }

    private static void move(Account from, Account to, long amount) {
        Account first = BY_ID.compare(from, to) < 0 ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    private static long sumLocked(Account[] sorted, int index) {
        if (index == sorted.length) {
            long sum = 0;
            for (Account account : sorted) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (sorted[index]) {
            return sumLocked(sorted, index + 1);
        }
    }
}
