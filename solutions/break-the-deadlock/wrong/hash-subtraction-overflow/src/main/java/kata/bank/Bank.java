package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lock ordering: accounts are ordered by the hash code of their id (cheap to compare), with the id
 * itself as the tie-breaker, so two accounts never compare equal and every thread uses the same
 * order.
 */
public class Bank {

    private static final Comparator<Account> LOCK_ORDER = (a, b) -> {
        int ha = a.id().hashCode();
        int hb = b.id().hashCode();
        if (ha != hb) {
            return ha - hb;
        }
        return a.id().compareTo(b.id()); // equal hash codes: ids are unique, so this decides
    };

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to are the same account: " + from);
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
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(LOCK_ORDER);
        return sumHolding(sorted, 0);
    }

    private long sumHolding(List<Account> sorted, int i) {
        if (i == sorted.size()) {
            long sum = 0;
            for (Account a : sorted) {
                sum += a.balance();
            }
            return sum;
        }
        synchronized (sorted.get(i)) {
            return sumHolding(sorted, i + 1);
        }
    }
}
