package kata.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    /**
     * The global lock order. Comparing hash codes is cheap, but two different ids can share a hash
     * code, so ties are broken by the ids themselves, which are unique: the order is total.
     */
    private static int lockOrder(Account a, Account b) {
        int byHash = Integer.compare(a.id().hashCode(), b.id().hashCode());
        return byHash != 0 ? byHash : a.id().compareTo(b.id());
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
            throw new IllegalArgumentException("from and to must differ");
        }
        Account first = lockOrder(from, to) < 0 ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(Bank::lockOrder);
        return sum(sorted, 0);
    }

    private long sum(List<Account> sorted, int from) {
        if (from == sorted.size()) {
            long s = 0;
            for (Account a : sorted) {
                s += a.balance();
            }
            return s;
        }
        synchronized (sorted.get(from)) {
            return sum(sorted, from + 1);
        }
    }
}
