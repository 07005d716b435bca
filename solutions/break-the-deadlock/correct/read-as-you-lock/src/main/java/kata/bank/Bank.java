package kata.bank;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

    /**
     * Moves {@code amount} from one account to the other as one indivisible step.
     *
     * @throws IllegalArgumentException if {@code amount <= 0} or {@code from} and {@code to} are the
     *                                  same account
     * @throws IllegalStateException    if {@code from} holds less than {@code amount}; nothing changes then
     */
    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be > 0");
        }
        if (from == to) {
            throw new IllegalArgumentException("same account");
        }
        int cmp = from.id().compareTo(to.id());
        synchronized (cmp < 0 ? from : to) {
            synchronized (cmp < 0 ? to : from) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    /** The sum of the balances of these accounts, as of one instant. */
    public long total(List<Account> accounts) {
        List<Account> byId = accounts.stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .collect(Collectors.toList());
        return sumFrom(byId, 0);
    }

    /**
     * Locks byId[i], reads its balance, and keeps the lock while the rest are locked and read: no
     * balance read so far can change until the whole sum is done.
     */
    private long sumFrom(List<Account> byId, int i) {
        if (i >= byId.size()) {
            return 0;
        }
        Account account = byId.get(i);
        synchronized (account) {
            return account.balance() + sumFrom(byId, i + 1);
        }
    }
}
