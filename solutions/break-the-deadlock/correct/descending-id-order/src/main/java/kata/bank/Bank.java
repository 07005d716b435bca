package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    /** Global lock order: the account with the larger id is always locked first. */
    private final Comparator<Account> order = Comparator.comparing(Account::id).reversed();

    /**
     * Moves {@code amount} from one account to the other as one indivisible step.
     *
     * @throws IllegalArgumentException if {@code amount <= 0} or {@code from} and {@code to} are the
     *                                  same account
     * @throws IllegalStateException    if {@code from} holds less than {@code amount}; nothing changes then
     */
    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to are the same account: " + from);
        }
        Account outer = order.compare(from, to) <= 0 ? from : to;
        Account inner = outer == from ? to : from;
        synchronized (outer) {
            synchronized (inner) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        List<Account> ordered = new ArrayList<>(accounts);
        ordered.sort(order);
        return holdAll(ordered, 0, accounts);
    }

    private long holdAll(List<Account> ordered, int next, List<Account> accounts) {
        if (next < ordered.size()) {
            synchronized (ordered.get(next)) {
                return holdAll(ordered, next + 1, accounts);
            }
        }
        long total = 0;
        for (Account account : accounts) {
            total += account.balance();
        }
        return total;
    }
}
