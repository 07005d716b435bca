package kata.bank;

import java.util.Comparator;
import java.util.List;

/**
 * Reference solution: every thread takes account locks in one global order, by account id (ids are
 * unique and never change). A cycle of threads each holding a lock the next one wants would need
 * some thread to hold a later lock while waiting for an earlier one, which this order rules out.
 */
public class Bank {

    private static final Comparator<Account> LOCK_ORDER = Comparator.comparing(Account::id);

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        Account first = LOCK_ORDER.compare(from, to) < 0 ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    public long total(List<Account> accounts) {
        List<Account> ordered = accounts.stream().distinct().sorted(LOCK_ORDER).toList();
        return sumHoldingLocks(ordered, 0);
    }

    /** Locks the accounts one after another in the global order, then adds up while holding all. */
    private long sumHoldingLocks(List<Account> ordered, int next) {
        if (next == ordered.size()) {
            long sum = 0;
            for (Account account : ordered) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (ordered.get(next)) {
            return sumHoldingLocks(ordered, next + 1);
        }
    }
}
