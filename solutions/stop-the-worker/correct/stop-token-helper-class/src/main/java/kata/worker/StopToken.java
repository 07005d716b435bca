package kata.worker;

/** A one-way stop request, safe to set on one thread and poll on another. */
final class StopToken {

    private volatile boolean requested;

    void request() {
        requested = true;
    }

    boolean isRequested() {
        return requested;
    }
}
