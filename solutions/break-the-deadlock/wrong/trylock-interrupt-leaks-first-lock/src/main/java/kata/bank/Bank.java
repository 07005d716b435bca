package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Try and back off: a transfer takes the per-bank {@link ReentrantLock}s of its two accounts with
 * a time-out, and if the second one is busy releases the first, waits a random while and retries.
 * Holding both, it takes the accounts' monitors in id order and moves the money.
 */
public class Bank {

    private static final Comparator<Account> ID_ORDER = Comparator.comparing(Account::id);
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Map<String, ReentrantLock> accountLocks = new ConcurrentHashMap<>();

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
        ReentrantLock fromLock = accountLocks.computeIfAbsent(from.id(), id -> new ReentrantLock());
        ReentrantLock toLock = accountLocks.computeIfAbsent(to.id(), id -> new ReentrantLock());
        boolean wasInterrupted = false;
        try {
            while (true) {
                try {
                    if (fromLock.tryLock(WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                        if (toLock.tryLock(WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                            try {
                                move(from, to, amount);
                                return;
                            } finally {
                                toLock.unlock();
                                fromLock.unlock();
                            }
                        }
                        fromLock.unlock(); // second one busy: let go of the first and back off
                    }
                } catch (InterruptedException e) {
                    wasInterrupted = true; // remember, keep trying, restore the flag at the end
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(10_000, 200_000));
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void move(Account from, Account to, long amount) {
        boolean fromFirst = ID_ORDER.compare(from, to) < 0;
        Account first = fromFirst ? from : to;
        Account second = fromFirst ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        List<Account> byId = new ArrayList<>(accounts);
        byId.sort(ID_ORDER);
        return totalHolding(byId, 0);
    }

    private static long totalHolding(List<Account> byId, int next) {
        if (next == byId.size()) {
            long total = 0;
            for (Account account : byId) {
                total += account.balance();
            }
            return total;
        }
        synchronized (byId.get(next)) {
            return totalHolding(byId, next + 1);
        }
    }
}
