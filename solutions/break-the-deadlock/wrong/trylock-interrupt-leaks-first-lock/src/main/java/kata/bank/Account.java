package kata.bank;

/**
 * A bank account. This file is provided: keep it as it is (the grader uses its own copy).
 *
 * <p>An account's balance is guarded by the account's own lock: only read or change it inside
 * {@code synchronized (account) { ... }}. Account ids are unique within a bank.
 */
public final class Account {

    private final String id;
    private long balance;

    public Account(String id, long initialBalance) {
        if (initialBalance < 0) {
            throw new IllegalArgumentException("initial balance must not be negative: " + initialBalance);
        }
        this.id = id;
        this.balance = initialBalance;
    }

    public String id() {
        return id;
    }

    /** The balance; call it while holding this account's lock. */
    public long balance() {
        return balance;
    }

    /** Adds money; call it while holding this account's lock. */
    public void deposit(long amount) {
        balance += amount;
    }

    /**
     * Takes money out; call it while holding this account's lock.
     *
     * @throws IllegalStateException if the balance is less than the amount (nothing changes then)
     */
    public void withdraw(long amount) {
        if (amount > balance) {
            throw new IllegalStateException("insufficient funds: account " + id + " holds " + balance
                    + ", cannot withdraw " + amount);
        }
        balance -= amount;
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
