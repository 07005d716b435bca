package kata.bank;

import java.util.List;

/** Wrong: one static lock for every transfer: never deadlocks, but serializes the whole bank. */
public class Bank {

    private static final Object BANK_LOCK = new Object();

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        synchronized (BANK_LOCK) {
            from.withdraw(amount);
            to.deposit(amount);
        }
    }

    public long total(List<Account> accounts) {
        synchronized (BANK_LOCK) {
            long sum = 0;
            for (Account account : accounts.stream().distinct().toList()) {
                sum += account.balance();
            }
            return sum;
        }
    }
}
