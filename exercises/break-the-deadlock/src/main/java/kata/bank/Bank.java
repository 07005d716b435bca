package kata.bank;

import java.util.List;

/**
 * Moves money between accounts for many tellers (threads) at once, the way the seed's two threads
 * take two locks. Each account is guarded by its own lock ({@code synchronized (account)}).
 */
public class Bank {

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
        throw new UnsupportedOperationException("Bank.transfer(from, to, amount) is not written yet: lock both"
                + " accounts, move the money, and make sure two opposite transfers can never deadlock.");
    }

    /**
     * The sum of the balances of these accounts, as of one instant: even while transfers run, it
     * returns a total that really existed, never one with money in flight.
     */
    public long total(List<Account> accounts) {
        throw new UnsupportedOperationException("Bank.total(accounts) is not written yet: add up the balances"
                + " while no transfer between these accounts can be half done.");
    }
}
