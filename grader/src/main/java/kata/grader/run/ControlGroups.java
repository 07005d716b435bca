package kata.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A CPU share, a process limit and a memory limit for each test JVM, with Linux control groups
 * (version 1, as mounted at {@code /sys/fs/cgroup/cpu}, {@code pids} and {@code memory}) where the
 * grader may create them (the memory group is added where that hierarchy exists). The scheduler shares CPU time between threads, so without it a submission that
 * spins a hundred threads takes a hundred times the CPU of the check next to it in a batch; in
 * groups of equal share, each test JVM gets the same part of a busy machine whatever its thread
 * count. The process limit stops a flood of threads at the operating system too (the runner
 * stops one at 500 threads). Where the host does not allow them, nothing changes.
 */
final class ControlGroups {

    /** Tasks (threads count) of one test JVM: the runner's 500 and the JVM's own, with room to spare. */
    static final int TASKS = 2_000;

    private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
    private static final Path PIDS = Path.of("/sys/fs/cgroup/pids");
    private static final Path MEMORY = Path.of("/sys/fs/cgroup/memory");
    private static final String PARENT = "kata-grader";
    private static final boolean AVAILABLE = tryOnce();

    private static final ExecutorService REMOVER = Executors.newSingleThreadExecutor(job -> {
        Thread thread = new Thread(job, "kata-cgroup-remover");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Path> groups;
    private final Optional<Path> memory;

    private ControlGroups(List<Path> groups, Optional<Path> memory) {
        this.groups = groups;
        this.memory = memory;
    }

    /**
     * The memory a test JVM with this heap may use in all: the heap, as much again in direct buffers
     * (the JVM's default limit), and room for its threads' stacks, classes and compiled code.
     */
    static long memoryFor(int heapMegabytes) {
        return (2L * heapMegabytes + 768) * 1024 * 1024;
    }

    /** New groups for one test JVM, or empty where the host gives none. */
    static Optional<ControlGroups> create(long memoryBytes) {
        return AVAILABLE ? make("jvm-", memoryBytes) : Optional.empty();
    }

    private static Optional<ControlGroups> make(String prefix, long memoryBytes) {
        String name = prefix + UUID.randomUUID();
        List<Path> made = new ArrayList<>();
        try {
            for (Path hierarchy : List.of(CPU, PIDS)) {
                made.add(Files.createDirectories(hierarchy.resolve(PARENT).resolve(name)));
            }
            Files.writeString(made.get(1).resolve("pids.max"), Integer.toString(TASKS));
        } catch (IOException | RuntimeException e) {
            new ControlGroups(made, Optional.empty()).removeNow();
            return Optional.empty();
        }
        Optional<Path> memory = memoryGroup(name, memoryBytes);
        memory.ifPresent(made::add);
        return Optional.of(new ControlGroups(made, memory));
    }

    /** A memory group with this limit (swap included where the host counts it), or empty. */
    private static Optional<Path> memoryGroup(String name, long bytes) {
        Path group = null;
        try {
            group = Files.createDirectories(MEMORY.resolve(PARENT).resolve(name));
            Files.writeString(group.resolve("memory.limit_in_bytes"), Long.toString(bytes));
            Path withSwap = group.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(withSwap)) {
                Files.writeString(withSwap, Long.toString(bytes));
            }
            return Optional.of(group);
        } catch (IOException | RuntimeException e) {
            if (group != null) {
                try {
                    Files.deleteIfExists(group);
                } catch (IOException | RuntimeException ignored) {
                    // an empty group, removed with the stale ones
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Whether the system killed a process of the memory group because the group used up its
     * limit: read it before {@link #remove}.
     */
    boolean memoryLimitHit() {
        if (memory.isEmpty()) {
            return false;
        }
        try {
            return Files.readAllLines(memory.get().resolve("memory.oom_control")).stream()
                    .anyMatch(line -> line.startsWith("oom_kill ") && !line.equals("oom_kill 0"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The command that joins these groups, then runs {@code command}: a shell that moves itself
     * into them and becomes the command, so nothing of it runs outside them.
     */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
                "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n-1)); done;"
                        + " exec \"$@\"", "sh", Integer.toString(groups.size())));
        groups.forEach(group -> wrapped.add(group.resolve("cgroup.procs").toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Removes the groups once their processes have ended, on a thread of its own: a killed JVM's
     * last threads may take a moment to be reaped, and a group with a task in it cannot be removed,
     * but the grading need not wait for that.
     */
    void remove() {
        REMOVER.execute(this::removeNow);
    }

    private void removeNow() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Path group : groups) {
            while (true) {
                try {
                    Files.deleteIfExists(group);
                    break;
                } catch (IOException | RuntimeException stillInUse) {
                    if (System.nanoTime() > deadline) {
                        break; // left for the clean-up of stale groups
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }
        }
    }

    /** Groups of earlier graders that could not be removed then (an hour old, and empty: else rmdir fails). */
    private static void removeStale() {
        for (Path hierarchy : List.of(CPU, PIDS, MEMORY)) {
            try (Stream<Path> groups = Files.list(hierarchy.resolve(PARENT))) {
                long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
                for (Path group : groups.filter(Files::isDirectory).toList()) {
                    try {
                        if (Files.getLastModifiedTime(group).toMillis() < hourAgo) {
                            Files.deleteIfExists(group);
                        }
                    } catch (IOException | RuntimeException inUse) {
                        // still has a process
                    }
                }
            } catch (IOException | RuntimeException e) {
                // nothing to clean
            }
        }
    }

    private static boolean tryOnce() {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return false;
        }
        Optional<ControlGroups> probe = make("probe-", memoryFor(64));
        if (probe.isEmpty()) {
            return false;
        }
        removeStale();
        try {
            // The very command a test JVM gets, with a shell that only exits in its place.
            Process process = new ProcessBuilder(probe.get().wrap(List.of("/bin/sh", "-c", "exit 0")))
                    .redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            probe.get().removeNow();
        }
    }
}
