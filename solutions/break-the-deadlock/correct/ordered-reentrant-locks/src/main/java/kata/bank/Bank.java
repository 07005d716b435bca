package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>The bank keeps one ReentrantLock per account and always takes them in id order; balances are
 * read and changed under the account monitors, taken in the same order.
 */
public class Bank {

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Comparator<Account> byId = Comparator.comparing(Account::id);

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
            throw new IllegalArgumentException("same account on both sides: " + from);
        }
        List<Account> ordered = new ArrayList<>(List.of(from, to));
        ordered.sort(byId);
        run(ordered, 0, () -> {
            from.withdraw(amount);
            to.deposit(amount);
        });
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        List<Account> ordered = new ArrayList<>(accounts);
        ordered.sort(byId);
        long[] sum = new long[1];
        run(ordered, 0, () -> {
            for (Account a : accounts) {
                sum[0] += a.balance();
            }
        });
        return sum[0];
    }

    /** Takes ordered[i]'s ReentrantLock and monitor, then the rest, then runs the action. */
    private void run(List<Account> ordered, int i, Runnable action) {
        if (i == ordered.size()) {
            action.run();
            return;
        }
        Account account = ordered.get(i);
        ReentrantLock lock = locks.computeIfAbsent(account.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            synchronized (account) {
                run(ordered, i + 1, action);
            }
        } finally {
            lock.unlock();
        }
    }
}
