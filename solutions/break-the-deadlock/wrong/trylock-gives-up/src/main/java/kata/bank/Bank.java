package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

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
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        ReentrantLock fromLock = lockOf(from);
        ReentrantLock toLock = lockOf(to);
        fromLock.lock();
        try {
            boolean got;
            try {
                got = toLock.tryLock(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!got) {
                return; // the other account is busy: back off instead of deadlocking
            }
            try {
                synchronized (from) {
                    synchronized (to) {
                        from.withdraw(amount);
                        to.deposit(amount);
                    }
                }
            } finally {
                toLock.unlock();
            }
        } finally {
            fromLock.unlock();
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(Comparator.comparing(Account::id));
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (Account a : sorted) {
                ReentrantLock l = lockOf(a);
                l.lock();
                held.add(l);
            }
            return sumLocked(sorted, 0);
        } finally {
            for (ReentrantLock l : held) {
                l.unlock();
            }
        }
    }

    private long sumLocked(List<Account> sorted, int i) {
        if (i == sorted.size()) {
            long sum = 0;
            for (Account account : sorted) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (sorted.get(i)) {
            return sumLocked(sorted, i + 1);
        }
    }
}
