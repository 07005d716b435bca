package kata.bank;

import java.util.Comparator;
import java.util.List;

/** Wrong: never holds two locks, so it cannot deadlock, but the money is in flight between them. */
public class Bank {

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        synchronized (from) {
            from.withdraw(amount);
        }
        synchronized (to) {
            to.deposit(amount);
        }
    }

    public long total(List<Account> accounts) {
        List<Account> ordered = accounts.stream().distinct().sorted(Comparator.comparing(Account::id)).toList();
        return sumHoldingLocks(ordered, 0);
    }

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
