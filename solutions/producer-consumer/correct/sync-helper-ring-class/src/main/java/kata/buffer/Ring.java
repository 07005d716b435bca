package kata.buffer;

/** A fixed-size circular array of items. Not thread-safe: BoundedBuffer guards it with its monitor. */
final class Ring<E> {

    private final Object[] slots;
    private int head;
    private int size;

    Ring(int capacity) {
        this.slots = new Object[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == slots.length;
    }

    int size() {
        return size;
    }

    void add(E item) {
        if (isFull()) {
            throw new IllegalStateException("ring is full");
        }
        slots[(head + size) % slots.length] = item;
        size++;
    }

    @SuppressWarnings("unchecked")
    E remove() {
        if (isEmpty()) {
            throw new IllegalStateException("ring is empty");
        }
        E item = (E) slots[head];
        slots[head] = null;
        head = (head + 1) % slots.length;
        size--;
        return item;
    }
}
