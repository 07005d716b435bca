package kata.threads;

import java.util.Objects;

/**
 * A piece of work with a name, the way the seed passes {@code target=worker, args=('Alice',)}.
 * This file is provided: keep it as it is (the grader uses its own copy).
 *
 * @param name the name of the thread that runs the job
 * @param work what the thread does
 */
public record Job(String name, Runnable work) {

    public Job {
        Objects.requireNonNull(work, "work");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a job needs a name");
        }
    }
}
