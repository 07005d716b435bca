package kata.bank;

/** What the break-the-deadlock checks tell a student when they fail. */
final class BankFeedback {

    static final String ORDER_HINT = "Take the two account locks in one global order that every thread"
            + " agrees on and that never changes, e.g. by account id.";

    static final String RETRY_HINT = "A transfer that backs off (tryLock with a time-out) must retry until it"
            + " has moved the money, however long an account stays busy.";

    private BankFeedback() {
    }

    static String wholeBalanceRefused(IllegalStateException refused) {
        return "B held 80 and the transfer of 80 from B to A was refused (" + refused.getMessage() + "). An account"
                + " that holds exactly the amount holds enough: refuse only when the balance is less than the"
                + " amount (balance < amount, not <=).";
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String wrongBalances(String scenario, String expected, String actual) {
        return scenario + ": the balances should end as " + expected + ", but they are " + actual + ".";
    }

    static String moneyChanged(String scenario, long expected, long actual) {
        return scenario + ": the bank should still hold " + expected + " in all, but it holds " + actual
                + ". A transfer lost or created money: withdraw and deposit must happen while holding both"
                + " accounts' locks.";
    }

    static String rejectedKeptLocks(String from, String to, long amount, String held) {
        return "A transfer of " + amount + " from " + from + " to " + to + " was rejected for too little money"
                + " (IllegalStateException), but the thread still held locks afterwards: " + held + ". Every other"
                + " transfer that needs those accounts would wait for them forever. Release every lock you take in a"
                + " finally block, so that it is released when the transfer throws too.";
    }

    static String interruptLost() {
        return "On a thread whose interrupt flag was set, transfer(A, B, 30) moved the money, but afterwards the flag"
                + " was cleared: the interrupt was lost, and the teller's code can no longer see that it was asked to"
                + " stop. tryLock(timeout) and lockInterruptibly() clear the flag when they throw InterruptedException:"
                + " remember that it came, keep trying, and call Thread.currentThread().interrupt() once the money has"
                + " moved.";
    }

    static String interruptedTransfer(RuntimeException thrown, String balances) {
        return thrown == null
                ? "On a thread whose interrupt flag was set, transfer(A, B, 30) returned normally, but the balances"
                        + " are " + balances + " instead of A=70, B=80: the transfer was dropped. A transfer that"
                        + " returns has moved the money. If you wait with tryLock(timeout) or lockInterruptibly(),"
                        + " an interrupt makes them throw at once: either keep trying and set the flag again once"
                        + " the money has moved, or throw an exception, changing nothing."
                : "On a thread whose interrupt flag was set, transfer(A, B, 30) threw " + thrown + ", but the"
                        + " balances are " + balances + " instead of A=100, B=50: a transfer that throws must"
                        + " change nothing.";
    }

    static String interruptedOppositeTransfers(RuntimeException aToB, RuntimeException bToA, String expected,
                                               String balances) {
        return "Two tellers whose interrupt flags were set moved money at the same time: transfer(A, B, 30) "
                + outcome(aToB) + " and transfer(B, A, 20) " + outcome(bToA) + ", so the balances should be "
                + expected + ", but they are " + balances + ". A transfer that returns has moved the money, one that"
                + " throws has changed nothing. While the other teller holds an account, tryLock(timeout) and"
                + " lockInterruptibly() throw InterruptedException at once on an interrupted thread: either keep"
                + " trying and set the flag again once the money has moved, or throw an exception, changing nothing;"
                + " never return early.";
    }

    private static String outcome(RuntimeException thrown) {
        return thrown == null ? "returned normally" : "threw " + thrown;
    }

    static String interruptLostInOppositeTransfers(String transfer) {
        return "Two tellers whose interrupt flags were set moved money at the same time: " + transfer + " moved"
                + " the money, but afterwards its teller's flag was cleared: the interrupt was lost. tryLock(timeout)"
                + " and lockInterruptibly() clear the flag when they throw InterruptedException: remember that it"
                + " came, keep trying, and call Thread.currentThread().interrupt() once the money has moved.";
    }

    static String interruptedWhileWaiting(String other, RuntimeException thrown, String expected, String balances) {
        return "The teller of transfer(A, B, 30) was interrupted while it waited for an account that \"" + other
                + "\" held; transfer(A, B, 30) " + outcome(thrown) + ", so after it, \"" + other + "\" and a later"
                + " teller's transfers of 10 (A to B, B to C, C to A) the balances should be " + expected + ", but"
                + " they are " + balances + ". A transfer that returns has moved the money, one that throws has changed"
                + " nothing: when tryLock(timeout) or lockInterruptibly() throws InterruptedException, keep trying"
                + " and set the flag again once the money has moved, or undo and throw; never return early.";
    }

    static String interruptLostWhileWaiting(String other) {
        return "The teller of transfer(A, B, 30) was interrupted while it waited for an account that \"" + other
                + "\" held. The transfer moved the money, but afterwards the teller's interrupt flag was cleared:"
                + " the interrupt was lost. tryLock(timeout) and lockInterruptibly() clear the flag when they throw"
                + " InterruptedException: remember that it came, keep trying, and call"
                + " Thread.currentThread().interrupt() once the money has moved.";
    }

    static String interruptedKeptLocks(String other, RuntimeException thrown, String held) {
        return "The teller of transfer(A, B, 30) was interrupted while it waited for an account that \"" + other
                + "\" held. The transfer " + outcome(thrown) + ", but its thread still held locks afterwards: "
                + held + ". The InterruptedException came while the transfer held its first lock, and skipped its"
                + " unlock (and a ReentrantLock that its thread takes again on a retry needs two unlocks). Every other"
                + " transfer that needs that account would wait for it forever. Release every lock you take in a"
                + " finally block, so that it is released when an exception comes too.";
    }

    static String unfinishedAfterInterrupt(String other) {
        return "The teller of transfer(A, B, 30) was interrupted while it waited for an account that \"" + other
                + "\" held, and after that the transfers never finished. A lock that the transfer took before the"
                + " InterruptedException came was not released, so the retry (or the other transfer) waits for it"
                + " forever. Release every lock you take in a finally block, so that it is released when an"
                + " exception comes too.";
    }

    static String accountsUnusableAfterInterrupt(String other) {
        return "The teller of transfer(A, B, 30) was interrupted while it waited for an account that \"" + other
                + "\" held. Both transfers ended, but then another teller could not finish its transfers of 10 (A to"
                + " B, B to C, C to A): an account stayed locked by a transfer that had ended. When tryLock(timeout)"
                + " or lockInterruptibly() throws InterruptedException, the locks the transfer already holds must be"
                + " released too: release every lock in a finally block.";
    }

    static String totalSawMoneyInFlight(long total, long expected) {
        return "total() ran while a transfer of 30 from A to B was under way and returned " + total
                + ", but the accounts always hold " + expected + " together: it saw the money in neither"
                + " account (or in both).\nA transfer must hold both accounts' locks from the withdrawal to the"
                + " deposit, and total() must hold all the accounts' locks while it adds up, taken in the same"
                + " global order as transfers take them.";
    }

    static String totalDeadlocked(String order, String transfer, String details) {
        return "total(" + order + ") and a transfer from " + transfer + " deadlocked: each holds one account and"
                + " waits for the other's lock. total() must take its accounts' locks in the same global order as"
                + " transfers (sort a copy of the list by id first, compared exactly as transfer compares them),"
                + " whatever order the caller lists them in.\n" + details;
    }

    static String totalsDeadlocked(String details) {
        return "total([A, B]) and total([B, A]) at the same time deadlocked: each holds one account and waits for"
                + " the other's lock. total() must take its accounts' locks in one global order (sort a copy of the"
                + " list by id first), whatever order the caller lists them in.\n" + details;
    }

    static String sharedAccount(String balances) {
        return "B (50) sent 10 to A (100) while it sent 20 to C (80): the balances should end as A=110, B=20, C=100,"
                + " but they are " + balances + ". Both transfers changed B's balance, so both must hold B's lock:"
                + " check that a transfer locks both of its accounts, whichever of them comes first in your order.";
    }
}
