package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once. Every account lock is taken in
 * one global order: ascending account id.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself: " + from);
        }
        Account first = BY_ID.compare(from, to) < 0 ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount); // throws before anything changed if funds are short
                to.deposit(amount);
            }
        }
    }

    public long total(List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(Comparator.comparing(Account::id, String.CASE_INSENSITIVE_ORDER));
        return sumLocked(sorted, 0);
    }

    private long sumLocked(List<Account> sorted, int index) {
        if (index == sorted.size()) {
            long sum = 0;
            for (Account account : sorted) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (sorted.get(index)) {
            return sumLocked(sorted, index + 1);
        }
    }
}
