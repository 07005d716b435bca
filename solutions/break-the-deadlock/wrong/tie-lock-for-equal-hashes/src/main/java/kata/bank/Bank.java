package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>Induced lock ordering (Java Concurrency in Practice, listing 10.3): lock the account whose id
 * has the smaller hash code first. In the rare case of equal hash codes the order is undefined, so
 * such a transfer first takes this bank's tie-breaking lock, which makes sure only one thread at a
 * time takes two tied accounts in an arbitrary order. {@code total()} sorts by the same hash and,
 * because its list may contain tied accounts, also holds the tie-breaking lock.
 */
public class Bank {

    private static final Comparator<Account> BY_ID_HASH = Comparator.comparingInt(a -> a.id().hashCode());

    private final Object tieLock = new Object();

    public void transfer(Account from, Account to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from an account to itself: " + from);
        }
        int fromHash = from.id().hashCode();
        int toHash = to.id().hashCode();
        if (fromHash < toHash) {
            synchronized (from) {
                synchronized (to) {
                    move(from, to, amount);
                }
            }
        } else if (fromHash > toHash) {
            synchronized (to) {
                synchronized (from) {
                    move(from, to, amount);
                }
            }
        } else {
            synchronized (tieLock) {
                synchronized (from) {
                    synchronized (to) {
                        move(from, to, amount);
                    }
                }
            }
        }
    }

    public long total(List<Account> accounts) {
        List<Account> ordered = new ArrayList<>(accounts);
        ordered.sort(BY_ID_HASH);
        synchronized (tieLock) {
            return sumHolding(ordered, 0);
        }
    }

    private static void move(Account from, Account to, long amount) {
        from.withdraw(amount);
        to.deposit(amount);
    }

    private static long sumHolding(List<Account> ordered, int i) {
        if (i == ordered.size()) {
            long sum = 0;
            for (Account account : ordered) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (ordered.get(i)) {
            return sumHolding(ordered, i + 1);
        }
    }
}
