package kata.bank;

import java.util.Arrays;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Transfers lock both accounts, smaller id first. {@code total()} does not block the bank: it
 * reads every balance (each under its account's lock), reads them all again, and accepts the
 * snapshot once two collects in a row agree -- if nothing changed between the two passes, the
 * values all existed at one instant. It can therefore never deadlock with anything.
 */
public class Bank {

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to must differ: " + from);
        }
        Account first = from.id().compareTo(to.id()) < 0 ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    public long total(List<Account> accounts) {
        long[] previous = collect(accounts);
        while (true) {
            long[] current = collect(accounts);
            if (Arrays.equals(previous, current)) {
                long sum = 0;
                for (long balance : current) {
                    sum += balance;
                }
                return sum;
            }
            previous = current;
            Thread.onSpinWait();
        }
    }

    private static long[] collect(List<Account> accounts) {
        long[] balances = new long[accounts.size()];
        int i = 0;
        for (Account account : accounts) {
            synchronized (account) {
                balances[i++] = account.balance();
            }
        }
        return balances;
    }
}
