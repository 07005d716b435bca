package kata.grader.course;

/** The course material itself is broken (a spec, a stub or a test): an author's problem. */
public final class CourseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CourseException(String message) {
        super(message);
    }

    public CourseException(String message, Throwable cause) {
        super(message, cause);
    }
}
