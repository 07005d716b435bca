package kata.bank;

import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

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
        if (from == to) {
            throw new IllegalArgumentException("from and to are both " + from);
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("not a positive amount: " + amount);
        }
        Account lower = from.id().compareTo(to.id()) < 0 ? from : to;
        Account higher = lower == from ? to : from;
        synchronized (lower) {
            synchronized (higher) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        TreeMap<String, Account> byId = new TreeMap<>();
        for (Account a : accounts) {
            byId.put(a.id(), a);
        }
        return lockThenSum(byId.values().iterator(), accounts);
    }

    private long lockThenSum(Iterator<Account> toLock, List<Account> accounts) {
        if (!toLock.hasNext()) {
            long sum = 0;
            for (Account a : accounts) {
                sum += a.balance();
            }
            return sum;
        }
        synchronized (toLock.next()) {
            return lockThenSum(toLock, accounts);
        }
    }
}
