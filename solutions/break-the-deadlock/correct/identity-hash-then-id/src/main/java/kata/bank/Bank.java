package kata.bank;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Lock order: the identity hash code of the account (it never changes for an object), and when
 * two accounts happen to share one, their unique ids break the tie. So every pair of accounts is
 * ordered the same way by every thread.
 */
public class Bank {

    private static final Comparator<Account> LOCK_ORDER = Comparator
            .comparingInt((Account a) -> System.identityHashCode(a))
            .thenComparing(Account::id);

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
            throw new IllegalArgumentException("from and to are the same account: " + from);
        }
        Account[] pair = {from, to};
        Arrays.sort(pair, LOCK_ORDER);
        withLocks(pair, 0, () -> {
            from.withdraw(amount);
            to.deposit(amount);
            return 0L;
        });
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        Account[] ordered = accounts.toArray(new Account[0]);
        Arrays.sort(ordered, LOCK_ORDER);
        return withLocks(ordered, 0, () -> {
            long sum = 0;
            for (Account account : ordered) {
                sum += account.balance();
            }
            return sum;
        });
    }

    /** Takes the locks of {@code ordered[index..]} one inside the other, then runs {@code body}. */
    private static long withLocks(Account[] ordered, int index, LongSupplier body) {
        if (index == ordered.length) {
            return body.getAsLong();
        }
        synchronized (ordered[index]) {
            return withLocks(ordered, index + 1, body);
        }
    }
}
