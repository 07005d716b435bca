package kata.bank;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    /** The one global lock order: by account id, which is unique and never changes. */
    private static final Comparator<Account> LOCK_ORDER = Comparator.comparing(Account::id);

    /**
     * Moves {@code amount} from one account to the other as one indivisible step.
     *
     * @throws IllegalArgumentException if {@code amount <= 0} or {@code from} and {@code to} are the
     *                                  same account
     * @throws IllegalStateException    if {@code from} holds less than {@code amount}; nothing changes then
     */
    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0 || from == to) {
            throw new IllegalArgumentException("bad transfer of " + amount + " from " + from + " to " + to);
        }
        boolean fromFirst = LOCK_ORDER.compare(from, to) < 0;
        Account first = fromFirst ? from : to;
        Account second = fromFirst ? to : from;
        synchronized (first) {
            synchronized (second) {
                if (from.balance() < amount) {
                    throw new IllegalStateException(from + " holds " + from.balance() + ", cannot send " + amount);
                }
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        Account[] ordered = accounts.toArray(new Account[0]);
        Arrays.sort(ordered, LOCK_ORDER);
        return lockFrom(ordered, 0);
    }

    private long lockFrom(Account[] ordered, int index) {
        if (index == ordered.length) {
            long sum = 0;
            for (Account a : ordered) {
                sum += a.balance();
            }
            return sum;
        }
        synchronized (ordered[index]) {
            return lockFrom(ordered, index + 1);
        }
    }
}
