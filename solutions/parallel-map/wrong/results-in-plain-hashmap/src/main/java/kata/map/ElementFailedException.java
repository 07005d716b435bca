package kata.map;

/**
 * Thrown by {@link ParallelMap#map} when the function failed on an element: says which element
 * ({@link #index()}) and carries what the function threw as its cause. Provided: do not change it.
 */
public class ElementFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;

    public ElementFailedException(int index, Throwable cause) {
        super("the function failed on element " + index + ": " + cause, cause);
        this.index = index;
    }

    /** The position in the input list of the element whose call failed. */
    public int index() {
        return index;
    }
}
