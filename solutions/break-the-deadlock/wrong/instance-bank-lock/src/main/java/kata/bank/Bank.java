package kata.bank;

import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    /** Guards the order in which account locks are taken. */
    private final Object ledger = new Object();

    /**
     * Moves {@code amount} from one account to the other as one indivisible step.
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
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        synchronized (ledger) {
            synchronized (from) {
                synchronized (to) {
                    from.withdraw(amount);
                    to.deposit(amount);
                }
            }
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        synchronized (ledger) {
            long sum = 0;
            for (Account account : accounts) {
                synchronized (account) {
                    sum += account.balance();
                }
            }
            return sum;
        }
    }
}
