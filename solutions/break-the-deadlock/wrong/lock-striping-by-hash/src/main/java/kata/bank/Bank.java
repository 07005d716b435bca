package kata.bank;

import java.util.List;
import java.util.TreeSet;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Lock striping, as in the first {@code ConcurrentHashMap}: the bank owns a fixed array of stripe
 * locks and each account belongs to the stripe picked by its id. An operation takes the stripes of
 * its accounts in increasing index order (plain ints: no ties; two accounts of one stripe need it
 * only once), then the accounts' monitors. Every bank operation on an account holds that account's
 * stripe, so two operations never hold monitors the other needs, and the stripes, taken in one
 * global order, cannot form a cycle.
 */
public class Bank {

    private static final int STRIPES = 64;

    private final Object[] stripes = new Object[STRIPES];

    public Bank() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    private static int stripeOf(Account account) {
        return Math.floorMod(account.id().hashCode(), STRIPES);
    }

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
        int a = stripeOf(from);
        int b = stripeOf(to);
        synchronized (stripes[Math.min(a, b)]) {
            synchronized (stripes[Math.max(a, b)]) { // the same monitor again if a == b: reentrant
                synchronized (from) {
                    synchronized (to) {
                        from.withdraw(amount);
                        to.deposit(amount);
                    }
                }
            }
        }
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        TreeSet<Integer> needed = new TreeSet<>();
        for (Account account : accounts) {
            needed.add(stripeOf(account));
        }
        Integer[] order = needed.toArray(new Integer[0]);
        Account[] all = accounts.toArray(new Account[0]);
        return withStripes(order, 0, all);
    }

    private long withStripes(Integer[] order, int next, Account[] all) {
        if (next == order.length) {
            return withAccounts(all, 0);
        }
        synchronized (stripes[order[next]]) {
            return withStripes(order, next + 1, all);
        }
    }

    private static long withAccounts(Account[] all, int next) {
        if (next == all.length) {
            long sum = 0;
            for (Account account : all) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (all[next]) {
            return withAccounts(all, next + 1);
        }
    }
}
