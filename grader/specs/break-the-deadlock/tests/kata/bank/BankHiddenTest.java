package kata.bank;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: transfers that share no account must not wait for each other, and no way of
 * ordering the locks may tie or change (equal balances, equal hash codes), not even for three.
 */
class BankHiddenTest {

    record Four(Bank bank, Account a, Account b, Account c, Account d) {
        Four() {
            this("A", "B", "C");
        }

        Four(String a, String b, String c) {
            this(a, b, c, "D");
        }

        Four(String a, String b, String c, String d) {
            this(new Bank(), new Account(a, 100), new Account(b, 50), new Account(c, 80), new Account(d, 60));
        }

        Map<Object, String> lockNames() {
            return Map.of(a, "account " + a.id(), b, "account " + b.id(), c, "account " + c.id(), d,
                    "account " + d.id());
        }
    }

    /**
     * Ids whose String.hashCode() values lie more than 2^31 apart: compared by subtracting the hashes,
     * the difference overflows, and each id comes "before" the next one round the circle.
     */
    private static final String[] FAR_HASHES = {"alice-checking", "carol-checking", "bob-savings"};

    @Test
    @DisplayName("Transfers between different accounts (A to B, C to D; also Aa to B and BB to D, ids with equal hash codes; also Aa to BB and AaAa to BBBB, and two pairs of accounts with equal identity hash codes, where each transfer's two accounts tie) never wait for each other, also while A to B waits for a busy account and total([E, F]) is called, which does not wait for it either")
    @Graded(id = "disjoint-in-parallel", points = 3, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void disjointTransfersRunInParallel() {
        // Preempting at every step, not only where threads synchronize: a transfer must be paused
        // inside its critical section, between withdrawal and deposit, for one lock for the whole bank
        // to show (a global lock has no other synchronization inside it).
        Interleavings.everySchedule()
                .forbidWaiting("transfers between four different accounts must never wait for each other:"
                        + " lock only the two accounts a transfer uses")
                .given(Four::new)
                .lockNames(Four::lockNames)
                .thread("transfer A->B", f -> f.bank().transfer(f.a(), f.b(), 10))
                .thread("transfer C->D", f -> f.bank().transfer(f.c(), f.d(), 10))
                .run();
        // "Aa" and "BB" have the same String.hashCode(): a lock picked by hash code from a fixed set (lock
        // striping) is one lock for both, whatever the number of stripes.
        Interleavings.everySchedule()
                .forbidWaiting("transfers between four different accounts must never wait for each other, also when"
                        + " two of them have ids with the same hash code (\"Aa\" and \"BB\"): a lock chosen by the id's"
                        + " hash code from a fixed number of locks (lock striping) is shared by such accounts; lock"
                        + " each account itself, or keep one lock per account")
                .given(() -> new Four("Aa", "B", "BB"))
                .lockNames(Four::lockNames)
                .thread("transfer Aa->B", f -> f.bank().transfer(f.a(), f.b(), 10))
                .thread("transfer BB->D", f -> f.bank().transfer(f.c(), f.d(), 10))
                .run();
        // Each transfer between two accounts whose hash codes tie ("Aa"/"BB", "AaAa"/"BBBB"; or equal
        // identity hash codes): one lock for every tied pair (the textbook "tie-breaking lock") makes
        // such transfers wait for each other although they share no account.
        String tieLock = "transfers between four different accounts must never wait for each other, also when each"
                + " transfer's two accounts have equal hash codes: one extra lock taken for every tie (a"
                + " \"tie-breaking lock\") is one lock for all such transfers; break the tie by the unique id instead";
        tiedPairsInParallel(tieLock, () -> new Four("Aa", "BB", "AaAa", "BBBB"));
        Account[] twins = identityTwins(2);
        Four tied = new Four(new Bank(), twins[0], twins[1], twins[2], twins[3]);
        tiedPairsInParallel(tieLock, () -> refilled(tied));
        unrelatedWorkWhileATransferWaits();
    }

    /** A transfer A to B held up by a busy account, a transfer C to D, and a total() of E and F. */
    private static final class BusyA {
        final Four four = new Four();
        final Account e = new Account("E", 70);
        final Account f = new Account("F", 90);
        final CountDownLatch finished = new CountDownLatch(2);
        volatile boolean totalDone;
        volatile boolean transferDone;
        volatile String unfinished;
    }

    /**
     * A statement printer holds A's lock, so transfer A to B waits for it; meanwhile transfer C to D
     * and total([E, F]), which share no account with it or with each other, must both finish: the
     * printer lets A go only after they have, or after a (virtual) minute in which no thread could go
     * on. Every order of their steps, with one preemption. A bank-wide read-write lock (transfers
     * share the read side, total() takes the write side) fails: the total waits for A to B, and,
     * queued for the write side, holds up C to D behind it. The list is a mutable one, in id order:
     * how total() treats its list is total-consistent's business.
     */
    private static void unrelatedWorkWhileATransferWaits() {
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .preemptions(1)
                .given(BusyA::new)
                .lockNames(busy -> {
                    Map<Object, String> names = new HashMap<>(busy.four.lockNames());
                    names.put(busy.e, "account E");
                    names.put(busy.f, "account F");
                    return names;
                })
                .thread("statement of A", busy -> Controlled.synchronizedOn(busy.four.a(), () -> {
                    if (!busy.finished.await(1, TimeUnit.MINUTES)) {
                        busy.unfinished = busy.totalDone ? "transfer C->D" : busy.transferDone ? "total([E, F])"
                                : "total([E, F]) and transfer C->D";
                    }
                }))
                .thread("transfer A->B", busy -> busy.four.bank().transfer(busy.four.a(), busy.four.b(), 10))
                .thread("total [E, F]", busy -> {
                    busy.four.bank().total(new ArrayList<>(List.of(busy.e, busy.f)));
                    busy.totalDone = true;
                    busy.finished.countDown();
                })
                .thread("transfer C->D", busy -> {
                    busy.four.bank().transfer(busy.four.c(), busy.four.d(), 10);
                    busy.transferDone = true;
                    busy.finished.countDown();
                })
                .check(busy -> {
                    if (busy.unfinished != null) {
                        fail(waitedForUnrelatedTransfer(busy.unfinished));
                    }
                });
    }

    /** Transfers a to b and c to d, where each pair's ids or identities have equal hash codes. */
    private static void tiedPairsInParallel(String reason, Supplier<Four> accounts) {
        Four sample = accounts.get();
        Interleavings.everySchedule()
                .forbidWaiting(reason)
                .given(accounts)
                .lockNames(Four::lockNames)
                .thread("transfer " + sample.a().id() + "->" + sample.b().id(),
                        f -> f.bank().transfer(f.a(), f.b(), 10))
                .thread("transfer " + sample.c().id() + "->" + sample.d().id(),
                        f -> f.bank().transfer(f.c(), f.d(), 10))
                .run();
    }

    @Test
    @DisplayName("Opposite transfers between accounts with equal balances never deadlock")
    @Graded(id = "equal-balances", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void equalBalancesNeverDeadlock() {
        opposite(() -> BankTest.Pair.of(100, 100), "A (100) and B (100)");
    }

    @Test
    @DisplayName("Opposite transfers between accounts with equal hash codes never deadlock")
    @Graded(id = "hash-collision", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 90)
    void equalHashCodesNeverDeadlock() {
        // "Aa" and "BB" have the same String.hashCode(), 2112.
        opposite(() -> new BankTest.Pair(new Bank(), new Account("Aa", 100), new Account("BB", 40)),
                "accounts Aa and BB, whose ids have equal hash codes");
        // Found once, refilled for every schedule: the search costs more than the schedules.
        Account[] twins = identityTwins(1);
        BankTest.Pair pair = new BankTest.Pair(new Bank(), twins[0], twins[1]);
        opposite(() -> refilled(pair), "two accounts with equal System.identityHashCode");
    }

    @Test
    @DisplayName("Three transfers in a circle (A to B, B to C, C to A) never deadlock, also among ids whose hash codes lie far apart")
    @Graded(id = "three-way-cycle", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 90)
    void threeWayCycleNeverDeadlocks() {
        threeWayCycle(Four::new);
        // The same circle among ids whose hash codes an overflowing comparison puts in a circle too.
        threeWayCycle(() -> new Four(FAR_HASHES[0], FAR_HASHES[1], FAR_HASHES[2]));
    }

    private static void threeWayCycle(Supplier<Four> accounts) {
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(accounts)
                .lockNames(Four::lockNames)
                .thread("transfer A->B", f -> f.bank().transfer(f.a(), f.b(), 10))
                .thread("transfer B->C", f -> f.bank().transfer(f.b(), f.c(), 10))
                .thread("transfer C->A", f -> f.bank().transfer(f.c(), f.a(), 10))
                .check(f -> {
                    String expected = f.a().id() + "=100, " + f.b().id() + "=50, " + f.c().id() + "=80";
                    String balances = f.a().id() + "=" + f.a().balance() + ", " + f.b().id() + "=" + f.b().balance()
                            + ", " + f.c().id() + "=" + f.c().balance();
                    if (!balances.equals(expected)) {
                        fail(BankFeedback.wrongBalances(f.a().id() + ", " + f.b().id() + " and " + f.c().id()
                                + " each sent 10 to the next", expected, balances));
                    }
                });
    }

    @Test
    @DisplayName("total() never sees money in flight while a transfer runs, and never deadlocks with it, whatever the order of its list; it reads every balance under its account's lock, also for a list of one account (data races detected)")
    @Graded(id = "total-consistent", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void totalIsConsistent() {
        audit(() -> BankTest.Pair.of(100, 50), pair -> List.of(pair.a(), pair.b()));
        audit(() -> BankTest.Pair.of(100, 50), pair -> List.of(pair.b(), pair.a()));
        // One account has no money in flight, but its balance is still guarded by its lock: read
        // without it, the transfer's write and total()'s read race.
        audit(() -> BankTest.Pair.of(100, 50), pair -> List.of(pair.a()));
        audit(() -> BankTest.Pair.of(100, 50), pair -> List.of(pair.b()));
        // Ids whose order depends on how they are compared: by case ("B" before "a" as Strings, after it
        // ignoring case) and as numbers ("10" before "9" as Strings). total() and transfer() must agree.
        // The transfer goes from the id that String.compareTo puts first: a transfer that locks in the
        // order of its arguments (judged by opposite-transfers) then agrees with a total() sorted that way.
        for (String[] ids : new String[][] {{"B", "a"}, {"10", "9"}}) {
            Supplier<BankTest.Pair> pair = () -> new BankTest.Pair(new Bank(), new Account(ids[0], 100),
                    new Account(ids[1], 50));
            audit(pair, p -> List.of(p.a(), p.b()));
            audit(pair, p -> List.of(p.b(), p.a()));
        }
        // The transfer from the account that comes second, too: one whose own locks keep opposite
        // transfers apart (tryLock and back off) and which then takes the monitors in the order of its
        // arguments deadlocks with total(). A transfer that deadlocks with the opposite transfer is
        // opposite-transfers' business and is not judged again here.
        boolean oppositeTransfersCanDeadlock = oppositeTransfersCanDeadlock();
        if (!oppositeTransfersCanDeadlock) {
            Supplier<BankTest.Pair> reversed = () -> new BankTest.Pair(new Bank(), new Account("B", 100),
                    new Account("A", 50));
            audit(reversed, p -> List.of(p.a(), p.b()));
            audit(reversed, p -> List.of(p.b(), p.a()));
        }
        totalsInOppositeOrders();
        // Its transfers go both ways at once too: a deadlock among them is opposite-transfers' business.
        if (!oppositeTransfersCanDeadlock) {
            moneyBackAndForth();
        }
    }

    /**
     * total([B, A]) while 50 goes from A to B, back, and to B again, in every schedule: balances that
     * return to earlier values fool a total() that reads each balance under its own lock and repeats
     * until two passes agree (B read before the first move and after the second, A after the first and
     * after the third: equal passes, money missing). No withdrawal takes a whole balance (that is
     * transfer-alone's business). The threads are listed, and the list ordered against the transfers'
     * lock order, so that two preemptions reach it; a third would cost tens of thousands of schedules
     * for a transfer that backs off.
     */
    private static void moneyBackAndForth() {
        record Audit(BankTest.Pair pair, AtomicLong seen) {
        }
        try {
            Interleavings.everySchedule()
                    .preemptingOnlyAtSynchronization()
                    .given(() -> new Audit(BankTest.Pair.of(110, 60), new AtomicLong()))
                    .lockNames(audit -> audit.pair().lockNames())
                    .thread("auditor", audit -> audit.seen().set(audit.pair().bank().total(
                            List.of(audit.pair().b(), audit.pair().a()))))
                    .thread("transfer B->A, then A->B", audit -> {
                        audit.pair().bank().transfer(audit.pair().b(), audit.pair().a(), 50);
                        audit.pair().bank().transfer(audit.pair().a(), audit.pair().b(), 50);
                    })
                    .thread("transfer A->B",
                            audit -> audit.pair().bank().transfer(audit.pair().a(), audit.pair().b(), 50))
                    .check(audit -> {
                        if (audit.seen().get() != 170) {
                            fail(totalSawBackAndForth("[B, A]", audit.seen().get(), 170));
                        }
                    });
        } catch (InterleavingFailure failure) {
            if ("deadlock".equals(failure.kind())) {
                fail(BankFeedback.totalDeadlocked("[B, A]", "A to B or from B to A", failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /**
     * Two total() calls at once over the same accounts, listed in opposite orders, in every schedule: a
     * total() that takes its locks in the caller's order without waiting for a time (its transfers back
     * off, so no transfer shows it) deadlocks with the other.
     */
    private static void totalsInOppositeOrders() {
        try {
            Interleavings.everySchedule()
                    .given(() -> BankTest.Pair.of(100, 50))
                    .lockNames(BankTest.Pair::lockNames)
                    .thread("total [A, B]", pair -> pair.bank().total(List.of(pair.a(), pair.b())))
                    .thread("total [B, A]", pair -> pair.bank().total(List.of(pair.b(), pair.a())))
                    .run();
        } catch (InterleavingFailure failure) {
            if ("deadlock".equals(failure.kind())) {
                fail(BankFeedback.totalsDeadlocked(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /** Whether A to B and B to A at the same time can end in a deadlock (or any failure) in some order. */
    private static boolean oppositeTransfersCanDeadlock() {
        try {
            Interleavings.everySchedule()
                    .preemptingOnlyAtSynchronization()
                    .given(() -> BankTest.Pair.of(100, 50))
                    .thread("transfer A->B", pair -> pair.bank().transfer(pair.a(), pair.b(), 10))
                    .thread("transfer B->A", pair -> pair.bank().transfer(pair.b(), pair.a(), 20))
                    .run();
            return false;
        } catch (InterleavingFailure failure) {
            return true;
        }
    }

    /**
     * total(list) against a transfer of 30 from the pair's a to its b, in every schedule, with data
     * races detected: it returns the total of before or after the transfer (the same for both
     * accounts), and reads each balance under a lock that the transfer's write is ordered with.
     */
    private static void audit(Supplier<BankTest.Pair> accounts,
                              java.util.function.Function<BankTest.Pair, List<Account>> list) {
        record Audit(BankTest.Pair pair, AtomicLong seen) {
        }
        BankTest.Pair sample = accounts.get();
        List<Account> listed = list.apply(sample);
        String order = listed.stream().map(Account::id).toList().toString();
        String transfer = sample.a().id() + " to " + sample.b().id();
        long before = listed.stream().mapToLong(Account::balance).sum();
        long after = before - (listed.contains(sample.a()) ? 30 : 0) + (listed.contains(sample.b()) ? 30 : 0);
        try {
            Interleavings.everySchedule()
                    .detectingDataRaces()
                    .given(() -> new Audit(accounts.get(), new AtomicLong()))
                    .lockNames(audit -> audit.pair().lockNames())
                    .thread("transfer " + sample.a().id() + "->" + sample.b().id(),
                            audit -> audit.pair().bank().transfer(audit.pair().a(), audit.pair().b(), 30))
                    .thread("auditor", audit -> audit.seen().set(audit.pair().bank().total(list.apply(audit.pair()))))
                    .check(audit -> {
                        long seen = audit.seen().get();
                        if (seen != before && seen != after) {
                            fail(before == after ? BankFeedback.totalSawMoneyInFlight(seen, before)
                                    : totalOfOneWrong(order, transfer, seen, before, after));
                        }
                    });
        } catch (InterleavingFailure failure) {
            if ("deadlock".equals(failure.kind())) {
                fail(BankFeedback.totalDeadlocked(order, transfer, failure.getMessage()), failure);
            }
            if ("race".equals(failure.kind())) {
                fail(totalReadWithoutLock(order, transfer, failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("Two transfers out of one account at the same time (B to A, B to C) keep every cent")
    @Graded(id = "shared-account", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void transfersOutOfOneAccountKeepTheMoney() {
        Interleavings.everySchedule()
                .given(Four::new)
                .lockNames(Four::lockNames)
                .thread("transfer B->A", f -> f.bank().transfer(f.b(), f.a(), 10))
                .thread("transfer B->C", f -> f.bank().transfer(f.b(), f.c(), 20))
                .check(f -> {
                    String balances = "A=" + f.a().balance() + ", B=" + f.b().balance() + ", C=" + f.c().balance();
                    if (!balances.equals("A=110, B=20, C=100")) {
                        fail(BankFeedback.sharedAccount(balances));
                    }
                });
    }

    /** A pair and its starting balances. */
    private record Start(BankTest.Pair pair, long a, long b) {
        static Start of(BankTest.Pair pair) {
            return new Start(pair, pair.a().balance(), pair.b().balance());
        }
    }

    private static void opposite(Supplier<BankTest.Pair> accounts, String which) {
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(() -> Start.of(accounts.get()))
                .lockNames(start -> start.pair().lockNames())
                .thread("transfer A->B", start -> start.pair().bank().transfer(start.pair().a(), start.pair().b(), 30))
                .thread("transfer B->A", start -> start.pair().bank().transfer(start.pair().b(), start.pair().a(), 20))
                .check(start -> {
                    String expected = "A=" + (start.a() - 10) + ", B=" + (start.b() + 10);
                    if (!start.pair().balances().equals(expected)) {
                        fail(BankFeedback.wrongBalances("Between " + which + ", A sent 30 to B while B sent 20"
                                + " to A", expected, start.pair().balances()));
                    }
                });
    }

    /**
     * Accounts in pairs whose identity hash codes are equal: 0 with 1, 2 with 3, and so on. Identity
     * hashes have about 31 bits, so a collision turns up within some tens of thousands of objects
     * (birthday bound); the search is capped far beyond that, where failing is practically impossible.
     * Found once per check; the callers refill the balances for every schedule.
     */
    private static Account[] identityTwins(int pairs) {
        Map<Integer, Account> seen = new HashMap<>();
        Account[] twins = new Account[2 * pairs];
        int found = 0;
        for (int i = 0; i < 3_000_000 && found < twins.length; i++) {
            Account account = new Account("X" + i, 0);
            Account twin = seen.putIfAbsent(System.identityHashCode(account), account);
            if (twin != null) {
                // Forgotten, so that no two pairs share an account.
                seen.remove(System.identityHashCode(account));
                twins[found++] = twin;
                twins[found++] = account;
            }
        }
        if (found < twins.length) {
            throw new IllegalStateException("3 000 000 accounts did not give " + pairs
                    + " pairs with equal identity hash codes");
        }
        return twins;
    }

    /** The same accounts with a new bank and the balances Four starts with. */
    private static Four refilled(Four f) {
        refill(f.a(), 100);
        refill(f.b(), 50);
        refill(f.c(), 80);
        refill(f.d(), 60);
        return new Four(new Bank(), f.a(), f.b(), f.c(), f.d());
    }

    /** The same two accounts with a new bank, 100 and 40: different balances, so that only the hash codes tie. */
    private static BankTest.Pair refilled(BankTest.Pair pair) {
        refill(pair.a(), 100);
        refill(pair.b(), 40);
        return new BankTest.Pair(new Bank(), pair.a(), pair.b());
    }

    private static void refill(Account account, long balance) {
        synchronized (account) {
            account.deposit(balance - account.balance());
        }
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String totalOfOneWrong(String order, String transfer, long total, long before, long after) {
        return "total(" + order + ") ran while 30 went from " + transfer + " and returned " + total + ", but that"
                + " account held " + before + " before the transfer and " + after + " after it.";
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String totalReadWithoutLock(String order, String transfer, String details) {
        return "total(" + order + ") ran while 30 went from " + transfer + ", and it read a balance that the"
                + " transfer changed without holding that account's lock: a data race. An account's balance is"
                + " guarded by the account's own lock, also when total() has only one account to add up (no money"
                + " can be in flight inside one account, but without the lock nothing makes the transfer's change"
                + " visible to total(): it may see an old balance, for ever). Read every balance while holding its"
                + " account's lock.\n" + details;
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String waitedForUnrelatedTransfer(String unfinished) {
        return "Another thread held account A's lock, so transfer A->B waited for it. Meanwhile total([E, F]) and"
                + " transfer C->D were called, which share no account with A->B, but " + unfinished + " did not"
                + " finish while A->B waited: " + (unfinished.contains(" and ") ? "they" : "it") + " waited for A->B."
                + " Transfers between different accounts must be able to run at the same time, and total() needs"
                + " only its own accounts' locks. A lock for the whole bank, even a read-write lock that transfers"
                + " share and total() takes alone, makes them wait: a total() waiting for the write side waits for"
                + " every transfer under way, and the transfers that come after it wait behind it. Lock only the"
                + " accounts an operation uses.";
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String totalSawBackAndForth(String order, long total, long expected) {
        return "total(" + order + ") ran while one teller moved 50 from B to A and then from A to B, and another"
                + " moved 50 from A to B, and it returned " + total + ", but the accounts always hold " + expected
                + " together. Reading each balance under its own lock, even again until two passes agree, does not"
                + " give the balances of one instant: a balance can change and come back between your reads."
                + " total() must hold all the accounts' locks at once while it adds up, taken in the same global"
                + " order as transfers take them.";
    }
}
