package kata.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
import kata.support.threads.Deadlocks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The concurrent ones choose which thread runs at each step (the kata agent makes
 * that possible), so a deadlock shows up on every run and is reported as soon as it forms.
 */
class BankTest {

    static final long SEED = 20_241_122L;

    /** Two accounts and a bank, fresh for every schedule. */
    record Pair(Bank bank, Account a, Account b) {
        static Pair of(long balanceA, long balanceB) {
            return new Pair(new Bank(), new Account("A", balanceA), new Account("B", balanceB));
        }

        Map<Object, String> lockNames() {
            return Map.of(a, "account " + a.id(), b, "account " + b.id());
        }

        String balances() {
            return "A=" + a.balance() + ", B=" + b.balance();
        }
    }

    @Test
    @DisplayName("One thread: transfer moves money, also a whole balance, and rejects bad requests")
    @Graded(id = "transfer-alone", points = 1)
    void transfersFromOneThread() {
        Pair pair = Pair.of(100, 50);

        pair.bank().transfer(pair.a(), pair.b(), 30);

        assertEquals("A=70, B=80", pair.balances(),
                () -> BankFeedback.sequential("After moving 30 from A (100) to B (50)", "A=70, B=80", pair.balances()));
        assertThrows(IllegalArgumentException.class, () -> pair.bank().transfer(pair.a(), pair.b(), 0),
                "transfer of 0 should throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> pair.bank().transfer(pair.a(), pair.a(), 10),
                "transfer from an account to itself should throw IllegalArgumentException");
        assertThrows(IllegalStateException.class, () -> pair.bank().transfer(pair.b(), pair.a(), 500),
                "transfer of more than the balance should throw IllegalStateException");
        assertEquals("A=70, B=80", pair.balances(),
                () -> BankFeedback.sequential("Rejected transfers must change nothing; balances", "A=70, B=80",
                        pair.balances()));
        try {
            pair.bank().transfer(pair.b(), pair.a(), 80);
        } catch (IllegalStateException refused) {
            fail(BankFeedback.wholeBalanceRefused(refused));
        }
        assertEquals("A=150, B=0", pair.balances(),
                () -> BankFeedback.sequential("After moving all 80 of B to A", "A=150, B=0", pair.balances()));
        transfersOnAnInterruptedThread();
    }

    /**
     * A teller whose thread has its interrupt flag set: tryLock(timeout) and lockInterruptibly() throw
     * at once then. The transfer may throw (changing nothing) or move the money, never return without it.
     */
    private static void transfersOnAnInterruptedThread() {
        Pair pair = Pair.of(100, 50);
        RuntimeException thrown = null;
        boolean stillInterrupted;
        Thread.currentThread().interrupt();
        try {
            pair.bank().transfer(pair.a(), pair.b(), 30);
        } catch (RuntimeException refused) {
            thrown = refused;
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        String expected = thrown == null ? "A=70, B=80" : "A=100, B=50";
        if (!pair.balances().equals(expected)) {
            fail(BankFeedback.interruptedTransfer(thrown, pair.balances()));
        }
        if (thrown == null && !stillInterrupted) {
            fail(BankFeedback.interruptLost());
        }
    }

    @Test
    @DisplayName("One thread: total adds up the balances")
    @Graded(id = "total-alone", points = 1)
    void totalsFromOneThread() {
        Pair pair = Pair.of(100, 50);
        Account c = new Account("C", 25);

        long total = pair.bank().total(List.of(pair.a(), pair.b(), c));

        assertEquals(175, total, () -> BankFeedback.sequential("total of 100, 50 and 25", 175, total));
    }

    @Test
    @DisplayName("Opposite transfers (A to B, B to A) at the same time never deadlock (the seed's two locks), also on tellers whose interrupt flag is set, and a teller interrupted while it waits for an account that another transfer holds (B, held by B to C; A, held by A to C) leaves no lock held")
    @Graded(id = "opposite-transfers", points = 3, timeoutSeconds = 60)
    void oppositeTransfersNeverDeadlock() {
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(() -> Pair.of(100, 50))
                .lockNames(Pair::lockNames)
                .thread("transfer A->B", p -> p.bank().transfer(p.a(), p.b(), 30))
                .thread("transfer B->A", p -> p.bank().transfer(p.b(), p.a(), 20))
                .check(p -> {
                    if (p.a().balance() != 90 || p.b().balance() != 60) {
                        fail(BankFeedback.wrongBalances("A (100) sent 30 to B (50) while B sent 20 to A",
                                "A=90, B=60", p.balances()));
                    }
                });
        // A transfer that backs off must retry until it has moved the money, however long an account
        // stays busy: a statement printer holds A's lock for a (virtual) minute, far longer than any
        // time-out or patience a transfer might have (a hold of one second once met a transfer that
        // gave up after exactly one second, and the verdict hung on its random back-off). Virtual
        // time is cheap: a back-off loop that waits spends a few thousand steps on that minute.
        try {
            transfersWhileAIsBusy();
        } catch (InterleavingFailure failure) {
            if ("threw".equals(failure.kind())) {
                fail(BankFeedback.RETRY_HINT + "\n" + failure.getMessage(), failure);
            }
            throw failure;
        }
        oppositeTransfersOnInterruptedTellers();
        interruptedWhileWaiting(true);
        interruptedWhileWaiting(false);
    }

    /**
     * Both tellers' interrupt flags are set, in every order of their locks: a transfer that backs off
     * meets a busy account and waits with tryLock(timeout) or lockInterruptibly(), which throw at once
     * then. Each transfer must move its money (the flag still set afterwards) or throw, changing nothing.
     */
    private static void oppositeTransfersOnInterruptedTellers() {
        record Tellers(Pair pair, RuntimeException[] thrown, boolean[] stillInterrupted) {
            /** Teller {@code which} sets its own interrupt flag, transfers, and notes what came of it. */
            void transfer(int which, Account from, Account to, long amount) {
                Thread.currentThread().interrupt();
                try {
                    pair.bank().transfer(from, to, amount);
                } catch (RuntimeException refused) {
                    thrown[which] = refused;
                } finally {
                    stillInterrupted[which] = Thread.interrupted();
                }
            }
        }
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(() -> new Tellers(Pair.of(100, 50), new RuntimeException[2], new boolean[2]))
                .lockNames(t -> t.pair().lockNames())
                .thread("transfer A->B", t -> t.transfer(0, t.pair().a(), t.pair().b(), 30))
                .thread("transfer B->A", t -> t.transfer(1, t.pair().b(), t.pair().a(), 20))
                .check(t -> {
                    long moved = (t.thrown()[0] == null ? 30 : 0) - (t.thrown()[1] == null ? 20 : 0);
                    String expected = "A=" + (100 - moved) + ", B=" + (50 + moved);
                    if (!t.pair().balances().equals(expected)) {
                        fail(BankFeedback.interruptedOppositeTransfers(t.thrown()[0], t.thrown()[1], expected,
                                t.pair().balances()));
                    }
                    String[] calls = {"transfer(A, B, 30)", "transfer(B, A, 20)"};
                    for (int which = 0; which < 2; which++) {
                        if (t.thrown()[which] == null && !t.stillInterrupted()[which]) {
                            fail(BankFeedback.interruptLostInOppositeTransfers(calls[which]));
                        }
                    }
                });
    }

    /** Accounts A, B, C, a transfer A to B on a teller interrupted while it waits, and what came of it. */
    private static final class Interrupted {
        final Pair pair = Pair.of(100, 50);
        final Account c = new Account("C", 80);
        final CountDownLatch tellerReady = new CountDownLatch(1);
        final CountDownLatch interruptSent = new CountDownLatch(1);
        final CountDownLatch transfersDone = new CountDownLatch(2);
        volatile Thread teller;
        volatile RuntimeException thrown;
        volatile boolean interruptLost;

        Map<Object, String> lockNames() {
            return Map.of(pair.a(), "account A", pair.b(), "account B", c, "account C");
        }

        String balances() {
            return pair.balances() + ", C=" + c.balance();
        }
    }

    /**
     * The teller of transfer(A, B, 30) is interrupted while it waits for an account that another
     * transfer holds: one of 20 from B (or A) to C, itself waiting for C, whose lock a statement
     * printer holds until the interrupt has come. B is the second lock of a transfer that locks from
     * then to, or in id order; A that of one that locks to then from, or in descending id order. There
     * tryLock(timeout) and lockInterruptibly() throw InterruptedException with the first lock held. In
     * every order of the interrupt and the tellers' steps (one preemption), the interrupted transfer
     * moves the money (the flag set again) or throws, changing nothing; it leaves no lock held; and
     * then another teller can still move money among A, B and C.
     */
    private static void interruptedWhileWaiting(boolean bHeld) {
        String other = bHeld ? "transfer B->C" : "transfer A->C";
        AtomicReference<Interrupted> last = new AtomicReference<>();
        try {
            Interleavings.everySchedule()
                    .preemptingOnlyAtSynchronization()
                    .preemptions(1)
                    .given(() -> {
                        Interrupted fresh = new Interrupted();
                        last.set(fresh);
                        return fresh;
                    })
                    .lockNames(Interrupted::lockNames)
                    .thread("statement of C", t -> Controlled.synchronizedOn(t.c, t.interruptSent::await))
                    .thread(other, t -> {
                        t.pair.bank().transfer(bHeld ? t.pair.b() : t.pair.a(), t.c, 20);
                        t.transfersDone.countDown();
                    })
                    .thread("transfer A->B", t -> interruptibleTransfer(t, other))
                    .thread("interrupter", t -> {
                        t.tellerReady.await();
                        t.teller.interrupt();
                        t.interruptSent.countDown();
                    })
                    .thread("later teller", t -> {
                        t.transfersDone.await();
                        t.pair.bank().transfer(t.pair.a(), t.pair.b(), 10);
                        t.pair.bank().transfer(t.pair.b(), t.c, 10);
                        t.pair.bank().transfer(t.c, t.pair.a(), 10);
                    })
                    .check(t -> {
                        long moved = t.thrown == null ? 30 : 0;
                        long fromA = moved + (bHeld ? 0 : 20);
                        long fromB = bHeld ? 20 : 0;
                        String expected = "A=" + (100 - fromA) + ", B=" + (50 + moved - fromB) + ", C=100";
                        if (!t.balances().equals(expected)) {
                            fail(BankFeedback.interruptedWhileWaiting(other, t.thrown, expected, t.balances()));
                        }
                        if (t.interruptLost) {
                            fail(BankFeedback.interruptLostWhileWaiting(other));
                        }
                    });
        } catch (InterleavingFailure failure) {
            // Stuck or looping after the interrupt came: a lock taken before it was never released.
            Interrupted t = last.get();
            if ("stuck".equals(failure.kind()) || "livelock".equals(failure.kind())) {
                if (t.transfersDone.getCount() == 0) {
                    fail(BankFeedback.accountsUnusableAfterInterrupt(other) + "\n" + failure.getMessage(), failure);
                }
                if (t.interruptSent.getCount() == 0) {
                    fail(BankFeedback.unfinishedAfterInterrupt(other) + "\n" + failure.getMessage(), failure);
                }
            }
            throw failure;
        }
    }

    /** transfer(A, B, 30) on the teller that the interrupter interrupts; notes what came of it. */
    private static void interruptibleTransfer(Interrupted t, String other) {
        t.teller = Thread.currentThread();
        t.tellerReady.countDown();
        try {
            t.pair.bank().transfer(t.pair.a(), t.pair.b(), 30);
        } catch (RuntimeException refused) {
            t.thrown = refused;
        }
        // Read before the flag: an interrupt sent before this read was sent before the flag is read.
        boolean sent = t.interruptSent.getCount() == 0;
        boolean stillInterrupted = Thread.interrupted();
        t.interruptLost = t.thrown == null && sent && !stillInterrupted;
        List<String> held = Deadlocks.heldByCurrentThread();
        if (!held.isEmpty()) {
            fail(BankFeedback.interruptedKeptLocks(other, t.thrown, String.join(", ", held)));
        }
        t.transfersDone.countDown();
    }

    private static void transfersWhileAIsBusy() {
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .preemptions(0)
                .given(() -> Pair.of(100, 50))
                .lockNames(Pair::lockNames)
                // parkNanos, not Thread.sleep: on JDK 17 sleep is native, so a check's own sleep would
                // pass in real time instead of the scheduler's.
                .thread("statement of A", p -> Controlled.synchronizedOn(p.a(),
                        () -> LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(60))))
                .thread("transfer A->B", p -> p.bank().transfer(p.a(), p.b(), 30))
                .thread("transfer B->A", p -> p.bank().transfer(p.b(), p.a(), 20))
                .check(p -> {
                    if (p.a().balance() != 90 || p.b().balance() != 60) {
                        fail(BankFeedback.wrongBalances("A (100) sent 30 to B (50) while B sent 20 to A, and another"
                                + " thread held A's lock for a minute", "A=90, B=60", p.balances())
                                + " " + BankFeedback.RETRY_HINT);
                    }
                });
    }

    @Test
    @DisplayName("3 tellers x 30 transfers among 4 accounts, some rejected for too little money, keep every cent and never deadlock")
    @Graded(id = "busy-bank", points = 2, timeoutSeconds = 60)
    void busyBankKeepsTheMoney() {
        busyBank(1000);
        // Small balances, so that some transfers are rejected: a rejected transfer must leave no lock
        // behind for the other tellers.
        busyBank(20);
    }

    private static void busyBank(long start) {
        record Branch(Bank bank, List<Account> accounts, AtomicInteger rejected) {
            Map<Object, String> lockNames() {
                Map<Object, String> names = new java.util.HashMap<>();
                accounts.forEach(account -> names.put(account, "account " + account.id()));
                return names;
            }
        }
        Scenario<Branch> scenario = Interleavings.randomSchedule(SEED).given(() -> new Branch(new Bank(),
                List.of(new Account("A", start), new Account("B", start), new Account("C", start),
                        new Account("D", start)), new AtomicInteger()))
                .lockNames(Branch::lockNames);
        for (int teller = 1; teller <= 3; teller++) {
            Random plan = new Random(SEED + teller);
            int[][] moves = new int[30][];
            for (int i = 0; i < moves.length; i++) {
                int from = plan.nextInt(4);
                moves[i] = new int[] {from, (from + 1 + plan.nextInt(3)) % 4, 1 + plan.nextInt(9)};
            }
            scenario = scenario.thread("teller-" + teller, branch -> {
                for (int[] move : moves) {
                    try {
                        branch.bank().transfer(branch.accounts().get(move[0]), branch.accounts().get(move[1]),
                                move[2]);
                    } catch (IllegalStateException tooLittleMoney) {
                        branch.rejected().incrementAndGet();
                        List<String> held = Deadlocks.heldByCurrentThread();
                        if (!held.isEmpty()) {
                            fail(BankFeedback.rejectedKeptLocks(branch.accounts().get(move[0]).id(),
                                    branch.accounts().get(move[1]).id(), move[2], String.join(", ", held)));
                        }
                    }
                }
            });
        }

        scenario.check(branch -> {
            long total = 0;
            for (Account account : branch.accounts()) {
                total += account.balance();
            }
            if (total != 4 * start) {
                fail(BankFeedback.moneyChanged("4 accounts of " + start + " after 90 transfers by 3 tellers ("
                        + branch.rejected().get() + " of them rejected for too little money)", 4 * start, total));
            }
        });
    }
}
