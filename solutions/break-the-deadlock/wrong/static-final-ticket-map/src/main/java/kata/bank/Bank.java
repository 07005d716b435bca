package kata.bank;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    /**
     * Lock order: every account gets a ticket number the first time any bank sees it, and locks are
     * taken lowest ticket first. Tickets are unique and never change, and comparing two ints is
     * cheaper than comparing two id strings on every transfer.
     */
    private static final Map<Account, Integer> TICKETS = Collections.synchronizedMap(new IdentityHashMap<>());

    private static final Comparator<Account> BY_TICKET = Comparator.comparingInt(Bank::ticket);

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
        Account first = ticket(from) < ticket(to) ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
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
        Account[] sorted = accounts.toArray(new Account[0]);
        Arrays.sort(sorted, BY_TICKET);
        return sum(sorted, 0);
    }

    private static int ticket(Account account) {
        // The synchronized map makes "look up or hand out the next number" one atomic step.
        return TICKETS.computeIfAbsent(account, a -> TICKETS.size());
    }

    private static long sum(Account[] sorted, int index) {
        if (index == sorted.length) {
            long total = 0;
            for (Account account : sorted) {
                total += account.balance();
            }
            return total;
        }
        synchronized (sorted[index]) {
            return sum(sorted, index + 1);
        }
    }
}
