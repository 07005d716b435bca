package kata.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

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
            throw new IllegalArgumentException("cannot transfer to the same account");
        }
        withAllLocked(List.of(from, to), () -> {
            from.withdraw(amount);
            to.deposit(amount);
            return null;
        });
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        return withAllLocked(accounts, () -> {
            long sum = 0;
            for (Account a : accounts) {
                sum += a.balance();
            }
            return sum;
        });
    }

    /** Runs {@code action} while holding the locks of all these accounts, taken in id order. */
    private <T> T withAllLocked(Collection<Account> accounts, Supplier<T> action) {
        List<Account> inOrder = new ArrayList<>(accounts);
        inOrder.sort(Comparator.comparing(Account::id));
        return nest(inOrder, 0, action);
    }

    private <T> T nest(List<Account> inOrder, int i, Supplier<T> action) {
        if (i == inOrder.size()) {
            return action.get();
        }
        synchronized (inOrder.get(i)) {
            return nest(inOrder, i + 1, action);
        }
    }
}
