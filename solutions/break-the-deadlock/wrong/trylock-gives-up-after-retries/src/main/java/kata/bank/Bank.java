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
 * <p>Every account also gets a {@link ReentrantLock} in this bank. A teller only ever waits for one
 * of them a bounded time: if it cannot get all the locks it needs, it releases what it holds, backs
 * off for a random moment, and tries again. The monitors are only taken while all the matching
 * ReentrantLocks are held, in id order.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    private final Map<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

    private ReentrantLock lockOf(Account account) {
        return locks.computeIfAbsent(account, a -> new ReentrantLock());
    }

    /**
     * Moves {@code amount} from one account to the other as one indivisible step.
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
            throw new IllegalArgumentException("from and to are the same account");
        }
        List<Account> both = new ArrayList<>(List.of(from, to));
        both.sort(BY_ID);
        List<ReentrantLock> held = acquireAll(both);
        try {
            synchronized (both.get(0)) {
                synchronized (both.get(1)) {
                    from.withdraw(amount);
                    to.deposit(amount);
                }
            }
        } finally {
            releaseAll(held);
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(BY_ID);
        List<ReentrantLock> held = acquireAll(sorted);
        try {
            return sumUnderMonitors(sorted, 0);
        } finally {
            releaseAll(held);
        }
    }

    private long sumUnderMonitors(List<Account> sorted, int i) {
        if (i == sorted.size()) {
            long sum = 0;
            for (Account a : sorted) {
                sum += a.balance();
            }
            return sum;
        }
        synchronized (sorted.get(i)) {
            return sumUnderMonitors(sorted, i + 1);
        }
    }

    /**
     * Takes every account's ReentrantLock, never waiting long for one while holding others. An
     * interrupt does not abandon the transfer: it is remembered and restored once the locks are held.
     */
    private List<ReentrantLock> acquireAll(List<Account> accounts) {
        boolean interrupted = false;
        for (int attempt = 1; ; attempt++) {
            List<ReentrantLock> held = new ArrayList<>();
            boolean all = true;
            for (Account account : accounts) {
                ReentrantLock lock = lockOf(account);
                boolean got;
                try {
                    got = lock.tryLock(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    got = false;
                }
                if (!got) {
                    all = false;
                    break;
                }
                held.add(lock);
            }
            if (all) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return held;
            }
            releaseAll(held);
            if (attempt == 5) {
                throw new IllegalStateException("accounts busy, transfer not done: try again later");
            }
            // random back-off so that two tellers do not retry in lockstep (livelock)
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(50, 2000)));
        }
    }

    private static void releaseAll(List<ReentrantLock> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).unlock();
        }
    }
}
