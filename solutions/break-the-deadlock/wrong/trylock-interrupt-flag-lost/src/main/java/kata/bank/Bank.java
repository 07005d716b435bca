package kata.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Try and back off: each account also has a {@link ReentrantLock} in this bank. An operation
 * takes the locks of its accounts in the order it was given them, each with {@code tryLock(timeout)};
 * if one is not free in time it releases all it holds, sleeps a random, growing while, and tries
 * again until it gets them all. Nobody ever waits for one of these locks while holding another
 * without a time limit, so no deadlock can last; the random back-off keeps tellers from retrying in
 * lockstep. Interrupts do not stop a transfer. Once it holds the bank locks it also takes the
 * accounts' monitors (which guard the balances) in id order and does its work.
 */
public class Bank {

    private static final long TRY_MILLIS = 10;
    private static final long MIN_BACKOFF_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    /** One lock per account, created on first use; Account keeps identity equality. */
    private final ConcurrentMap<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

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
        holdingAll(List.of(from, to), () -> {
            from.withdraw(amount);
            to.deposit(amount);
            return amount;
        });
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        List<Account> copy = new ArrayList<>(accounts);
        return holdingAll(copy, () -> {
            long sum = 0;
            for (Account account : copy) {
                sum += account.balance();
            }
            return sum;
        });
    }

    private ReentrantLock lockOf(Account account) {
        return locks.computeIfAbsent(account, a -> new ReentrantLock());
    }

    /**
     * Gets the bank locks of all these accounts (retrying with back-off until it has them all), then
     * their monitors, and runs {@code body}. An interrupt never makes it give up: a transfer must not
     * be dropped, so an interrupted {@code tryLock} simply counts as one more failed attempt.
     */
    private long holdingAll(List<Account> accounts, LongSupplier body) {
        List<ReentrantLock> wanted = new ArrayList<>(accounts.size());
        for (Account account : accounts) {
            wanted.add(lockOf(account));
        }
        Account[] monitorOrder = accounts.toArray(new Account[0]);
        Arrays.sort(monitorOrder, BY_ID);

        long backoff = MIN_BACKOFF_NANOS;
        while (true) {
            int held = 0;
            try {
                while (held < wanted.size() && wanted.get(held).tryLock(TRY_MILLIS, TimeUnit.MILLISECONDS)) {
                    held++;
                }
                if (held == wanted.size()) {
                    return withMonitors(monitorOrder, 0, body);
                }
            } catch (InterruptedException e) {
                // not a reason to drop the transfer: release what we hold and try again
            } finally {
                for (int i = held - 1; i >= 0; i--) {
                    wanted.get(i).unlock();
                }
            }
            LockSupport.parkNanos(1 + ThreadLocalRandom.current().nextLong(backoff));
            backoff = Math.min(2 * backoff, MAX_BACKOFF_NANOS);
        }
    }

    private static long withMonitors(Account[] ordered, int next, LongSupplier body) {
        if (next == ordered.length) {
            return body.getAsLong();
        }
        synchronized (ordered[next]) {
            return withMonitors(ordered, next + 1, body);
        }
    }
}
