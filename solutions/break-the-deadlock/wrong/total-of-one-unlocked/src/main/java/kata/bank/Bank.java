package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    private static final Comparator<Account> ORDER = Comparator.comparing(Account::id);

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
        Account low = ORDER.compare(from, to) <= 0 ? from : to;
        Account high = low == from ? to : from;
        synchronized (low) {
            synchronized (high) {
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
        switch (accounts.size()) {
            case 0:
                return 0;
            case 1:
                // a single balance is always "as of one instant": no money can be in flight
                // inside one account, so there is nothing to lock against
                return accounts.get(0).balance();
            default:
                List<Account> ordered = new ArrayList<>(accounts);
                ordered.sort(ORDER);
                return sumWithAllLocked(ordered, 0);
        }
    }

    private static long sumWithAllLocked(List<Account> ordered, int depth) {
        if (depth == ordered.size()) {
            long sum = 0;
            for (Account account : ordered) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (ordered.get(depth)) {
            return sumWithAllLocked(ordered, depth + 1);
        }
    }
}
