package kata.bank;

import java.util.List;

/** Wrong: synchronized methods lock the one Bank object: every transfer waits for every other. */
public class Bank {

    public synchronized void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        from.withdraw(amount);
        to.deposit(amount);
    }

    public synchronized long total(List<Account> accounts) {
        long sum = 0;
        for (Account account : accounts.stream().distinct().toList()) {
            sum += account.balance();
        }
        return sum;
    }
}
