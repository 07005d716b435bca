package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lock ordering by account id. The transfer checks the funds while it holds both locks, so the
 * check and the move are one step, and a rejected transfer changes nothing.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to are the same account: " + from);
        }
        Account first = BY_ID.compare(from, to) < 0 ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                if (from.balance() <= amount) {
                    throw new IllegalStateException("insufficient funds: " + from + " holds "
                            + from.balance() + ", cannot transfer " + amount);
                }
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    public long total(List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(BY_ID);
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
