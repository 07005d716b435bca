package kata.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 *
 * <p>"Try and back off": every account also has a {@link ReentrantLock} in this bank. A transfer
 * takes the lock of {@code from}, then tries the lock of {@code to} for a short while; if it does not
 * get it, it lets go of the first one, waits a random little time (so two tellers do not retry in
 * lockstep) and tries again, until the money has moved. No thread ever waits for a bank lock without
 * a time limit while it holds another one, so no cycle of bank locks can last.
 * The account monitors that guard the balances are only taken while the bank locks are held, and
 * always one inside the other in id order.
 */
public class Bank {

    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);
    private static final long TRY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ConcurrentMap<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

    private ReentrantLock lockOf(Account account) {
        return locks.computeIfAbsent(account, a -> new ReentrantLock());
    }

    /**
     * Moves {@code amount} from one account to the other as one indivisible step: no one ever sees
     * the money in neither account or in both. Transfers between different accounts must be able
     * to run at the same time, and no combination of transfers may ever deadlock.
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
            throw new IllegalArgumentException("from and to are the same account: " + from);
        }
        ReentrantLock fromLock = lockOf(from);
        ReentrantLock toLock = lockOf(to);
        boolean interrupted = false;
        try {
            for (int attempt = 0; ; attempt++) {
                fromLock.lock();
                try {
                    boolean gotTo;
                    try {
                        gotTo = toLock.tryLock(TRY_NANOS, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        interrupted = true; // keep going: the transfer must happen; restored below
                        gotTo = false;
                    }
                    if (gotTo) {
                        try {
                            move(from, to, amount);
                            return;
                        } finally {
                            toLock.unlock();
                        }
                    }
                } finally {
                    fromLock.unlock();
                }
                backOff(attempt);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void move(Account from, Account to, long amount) {
        boolean fromFirst = BY_ID.compare(from, to) < 0;
        Account first = fromFirst ? from : to;
        Account second = fromFirst ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    private static void backOff(int attempt) {
        long bound = Math.min(MAX_BACKOFF_NANOS, TRY_NANOS << Math.min(attempt, 10));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, bound + 1));
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     *
     * <p>Takes the bank locks of all the accounts. They can be taken in the caller's order: a
     * transfer that holds one of them and wants another never waits for it without a time limit, it
     * backs off and lets {@code total} through. Holding them all, it takes the account monitors one
     * inside the other in id order, the order transfers use, and adds up.
     */
    public long total(List<Account> accounts) {
        List<Account> copy = new ArrayList<>(accounts);
        List<ReentrantLock> held = new ArrayList<>(copy.size());
        try {
            for (Account account : copy) {
                ReentrantLock lock = lockOf(account);
                lock.lock();
                held.add(lock);
            }
            copy.sort(BY_ID);
            return sumUnderMonitors(copy, 0);
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    private static long sumUnderMonitors(List<Account> byId, int index) {
        if (index == byId.size()) {
            long sum = 0;
            for (Account account : byId) {
                sum += account.balance();
            }
            return sum;
        }
        synchronized (byId.get(index)) {
            return sumUnderMonitors(byId, index + 1);
        }
    }
}
