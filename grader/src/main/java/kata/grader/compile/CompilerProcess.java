package kata.grader.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kata.grader.files.FileTree;

/**
 * javac for untrusted sources, in a JVM of its own with its own heap and a time limit per
 * compilation: a constant that folds to gigabytes or an expression nested thousands deep then
 * ends that JVM, not the grader's. The JVMs stay up between compilations (javac warm, no start
 * per kata), one per compilation running at once; one that failed is not reused.
 */
public final class CompilerProcess implements AutoCloseable {

    /** What a compilation may use; the students' sources of a kata need a small part of it. */
    static final int HEAP_MEGABYTES = 512;
    static final long TIME_LIMIT_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The main class of the compiler's JVM, which calls {@link #serve}. */
    private static final String WORKER_MAIN = "kata.grader.cli.CompilerWorker";
    private static final Queue<CompilerProcess> IDLE = new ConcurrentLinkedQueue<>();
    /** The only variables a compiler JVM inherits. */
    static final List<String> LOCALE = List.of("LANG", "LC_ALL", "LC_CTYPE");
    /** Reads a response while the caller waits with a time limit. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(job -> {
        Thread thread = new Thread(job, "kata-compiler-response");
        thread.setDaemon(true);
        return thread;
    });

    /** A compilation that could not finish within the compiler's limits. */
    static final class LimitExceeded extends Exception {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final Process process;
    /** Compilations this JVM answered (it serves one compilation at a time). */
    private int answered;
    private final Writer requests;
    private final BufferedReader responses;

    private CompilerProcess() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Full tiered compilation: the JVM lives for many compilations, and javac compiled by C2
        // is what makes a warm compilation cheap.
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx" + HEAP_MEGABYTES + "m", "-Xss8m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), WORKER_MAIN)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // Nothing of the grader's environment (where CI tokens live) but the locale, which decides how
        // file names are encoded and must be the grader's for the names it sends to match.
        Map<String, String> environment = builder.environment();
        Map<String, String> locale = new HashMap<>();
        LOCALE.forEach(name -> {
            if (System.getenv(name) != null) {
                locale.put(name, System.getenv(name));
            }
        });
        environment.clear();
        environment.putAll(locale);
        process = builder.start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        responses = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Compiles in a compiler JVM (an idle one, or a new one).
     *
     * @throws LimitExceeded when the compilation ran out of memory or time, or broke javac
     */
    static Javac.Result compile(List<Path> sources, List<Path> classpath, Path outputDir) throws LimitExceeded {
        CompilerProcess compiler = idle();
        Path links = null;
        try {
            // A file name that is not text in this system's encoding (Latin-1 bytes on a UTF-8
            // system) cannot travel as a string: javac gets a link to it with a name that can.
            Map<Path, Path> renamed = new HashMap<>();
            List<Path> named = new ArrayList<>();
            for (Path source : sources) {
                if (Path.of(source.toString()).equals(source)) {
                    named.add(source);
                    continue;
                }
                links = links == null ? Files.createTempDirectory("kata-javac-names") : links;
                Path link = Files.createDirectory(links.resolve(Integer.toString(renamed.size())))
                        .resolve(source.getFileName().toString().replaceAll("[^A-Za-z0-9_$.]", "_"));
                Files.createSymbolicLink(link, source.toAbsolutePath());
                renamed.put(link, source);
                named.add(link);
            }
            if (compiler == null) {
                compiler = new CompilerProcess();
            }
            Javac.Result result;
            try {
                result = compiler.request(named, classpath, outputDir);
            } catch (IOException requestNotSent) {
                if (compiler.answered == 0) {
                    throw requestNotSent;
                }
                // A warm JVM that died while idle (killed by the system, say) is no verdict on this
                // submission: once more, in a new one.
                compiler.close();
                compiler = new CompilerProcess();
                result = compiler.request(named, classpath, outputDir);
            }
            compiler.answered++;
            IDLE.add(compiler);
            return new Javac.Result(result.success(), result.errors().stream().map(problem -> problem.file() == null
                    ? problem : new Javac.Problem(renamed.getOrDefault(problem.file(), problem.file()), problem.line(),
                    problem.column(), problem.message())).toList(), result.total());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the compiler's JVM", e);
        } catch (LimitExceeded | RuntimeException e) {
            if (compiler != null) {
                compiler.close();
            }
            throw e;
        } finally {
            if (links != null) {
                FileTree.deleteRecursively(links);
            }
        }
    }

    /** An idle compiler JVM that is still alive, or null. */
    private static CompilerProcess idle() {
        for (CompilerProcess compiler = IDLE.poll(); compiler != null; compiler = IDLE.poll()) {
            if (compiler.process.isAlive()) {
                return compiler;
            }
            compiler.close();
        }
        return null;
    }

    private Javac.Result request(List<Path> sources, List<Path> classpath, Path outputDir)
            throws IOException, LimitExceeded {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode sourceList = request.putArray("sources");
        sources.forEach(source -> sourceList.add(source.toString()));
        ArrayNode classpathList = request.putArray("classpath");
        classpath.forEach(entry -> classpathList.add(entry.toString()));
        request.put("output", outputDir.toString());
        requests.write(JSON.writeValueAsString(request) + "\n");
        requests.flush();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return responses.readLine();
            } catch (IOException e) {
                return null;
            }
        }, READERS);
        String response;
        try {
            response = line.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new LimitExceeded("javac did not finish within " + TIME_LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LimitExceeded("interrupted while javac ran");
        } catch (ExecutionException e) {
            response = null;
        }
        if (response == null || !response.startsWith("{")) {
            // the JVM ended, or wrote its own last words (such as "Terminating due to
            // java.lang.OutOfMemoryError") where a response belongs
            throw new LimitExceeded(ended());
        }
        return decode(JSON.readTree(response));
    }

    /** Why the compiler's JVM ended, as far as its exit status tells. */
    private String ended() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        int status = process.isAlive() ? -1 : process.exitValue();
        // 3: -XX:+ExitOnOutOfMemoryError
        return status == 3 ? "javac ran out of memory (it may use " + HEAP_MEGABYTES + " MB)"
                : "javac stopped (exit status " + status + ")";
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Javac.Result decode(JsonNode response) throws LimitExceeded {
        if (response.hasNonNull("failure")) {
            throw new LimitExceeded(response.get("failure").asText());
        }
        List<Javac.Problem> errors = new ArrayList<>();
        for (JsonNode error : response.path("errors")) {
            errors.add(new Javac.Problem(error.hasNonNull("file") ? Path.of(error.get("file").asText()) : null,
                    error.path("line").asLong(), error.path("column").asLong(), error.path("message").asText()));
        }
        return new Javac.Result(response.path("success").asBoolean(), errors, response.path("total").asInt());
    }

    private static boolean overflowed(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /**
     * The compiler's JVM: one request per line from {@code in}, one response per line to
     * {@code out}, until {@code in} ends (the grader closed it, or is gone).
     */
    public static void serve(InputStream in, OutputStream out) throws IOException {
        PrintStream responses = new PrintStream(out, true, StandardCharsets.UTF_8);
        BufferedReader requests = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            JsonNode request = JSON.readTree(line);
            List<Path> sources = new ArrayList<>();
            request.path("sources").forEach(source -> sources.add(Path.of(source.asText())));
            List<Path> classpath = new ArrayList<>();
            request.path("classpath").forEach(entry -> classpath.add(Path.of(entry.asText())));
            ObjectNode response = JSON.createObjectNode();
            try {
                Javac.Result result = Javac.compile(sources, classpath, Path.of(request.path("output").asText()));
                response.put("success", result.success()).put("total", result.total());
                ArrayNode errors = response.putArray("errors");
                for (Javac.Problem problem : result.errors()) {
                    errors.addObject().put("file", problem.file() == null ? null : problem.file().toString())
                            .put("line", problem.line()).put("column", problem.column())
                            .put("message", problem.message());
                }
            } catch (RuntimeException | StackOverflowError e) {
                // javac's own crash on these sources; a stack overflow arrives wrapped
                response.put("failure", overflowed(e)
                        ? "javac ran out of stack: an expression or a statement is nested too deeply"
                        : "javac failed on this code (" + e + ")");
            }
            responses.println(JSON.writeValueAsString(response));
        }
    }
}
