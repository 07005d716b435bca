package kata.grader.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kata.grader.classresults.SimilarPair;
import kata.grader.classresults.Similarity;
import kata.grader.files.FileTree;

/**
 * Finds submissions of a kata that share code, with JPlag: each submission's Java sources become
 * a token stream (names and layout do not count, so renamed variables and reordered methods do
 * not hide a copy), greedy string tiling finds the longest common stretches, and the stub's code
 * (with the kata's provided files) is base code, so starting code that every student shares is
 * not counted. JPlag runs in a JVM of its own on Java 21 or later ({@link JplagDriver}).
 */
public final class SimilarityCheck {

    /** Pairs whose average similarity reaches this are listed unless the instructor says otherwise. */
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** Matched stretches shorter than this many tokens are coincidences of style, not copies (JPlag's Java default). */
    static final int MINIMUM_TOKEN_MATCH = 9;
    /**
     * A pair must share at least this many tokens beyond the stub to be listed: every correct
     * solution of a small kata (a synchronized counter) looks alike, which says nothing.
     */
    static final int MINIMUM_MATCHED_TOKENS = 40;
    /** Regions shown per pair, longest first. */
    static final int REGIONS_SHOWN = 6;
    private static final long TIMEOUT_MINUTES = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One kata to check.
     *
     * @param slug        the kata
     * @param base        the stub's sources (base code)
     * @param submissions entry -> the folder of that entry's sources for the kata
     */
    public record Kata(String slug, Path base, Map<String, Path> submissions) {
    }

    /**
     * How to check.
     *
     * @param threshold pairs at or above this share of their code are listed (above 0, at most 1)
     * @param java      the Java 21+ runtime for JPlag; empty when none was found (nothing is compared then)
     */
    public record Settings(double threshold, Optional<Path> java) {

        public Settings {
            if (threshold <= 0 || threshold > 1) {
                throw new IllegalArgumentException("the similarity threshold is a share above 0 and at most 1, not "
                        + threshold);
            }
        }

        /** The default threshold, with the Java found on this machine. */
        public static Settings defaults() {
            return new Settings(DEFAULT_THRESHOLD, Java21.find(null));
        }
    }

    private SimilarityCheck() {
    }

    /**
     * Checks every kata; a kata with fewer than two submissions is not compared. Without a Java
     * 21+ runtime nothing is compared, and the notes say why.
     */
    public static Similarity run(List<Kata> katas, Settings settings) {
        double threshold = settings.threshold();
        Optional<Path> java = settings.java();
        List<Similarity.Compared> compared = new ArrayList<>();
        List<Kata> toCompare = new ArrayList<>();
        for (Kata kata : katas) {
            if (kata.submissions().size() < 2) {
                compared.add(new Similarity.Compared(kata.slug(), kata.submissions().size()));
            } else {
                toCompare.add(kata);
            }
        }
        if (toCompare.isEmpty()) {
            return new Similarity(threshold, compared, List.of(), List.of());
        }
        if (java.isEmpty()) {
            return new Similarity(threshold, compared, List.of(), List.of("similarity not checked: JPlag needs"
                    + " Java 21 or later, and none was found (run the grader on Java 21+, or give --similarity-java"
                    + " <path to java>)"));
        }
        Path work = temporaryDirectory();
        try {
            JsonNode result = runDriver(java.get(), request(toCompare, threshold, work), work);
            List<SimilarPair> pairs = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (JsonNode kata : result.path("katas")) {
                String slug = kata.path("slug").asText();
                int submitted = toCompare.stream().filter(k -> k.slug().equals(slug)).findFirst()
                        .map(k -> k.submissions().size()).orElse(0);
                if (kata.has("error")) {
                    compared.add(new Similarity.Compared(slug, 0));
                    notes.add("similarity of " + slug + " not checked: " + kata.path("error").asText());
                    continue;
                }
                int valid = kata.path("valid").asInt();
                compared.add(new Similarity.Compared(slug, valid));
                if (valid < submitted) {
                    notes.add("similarity of " + slug + ": " + (submitted - valid) + " of " + submitted
                            + " submissions too small or unparsable to compare");
                }
                for (JsonNode pair : kata.path("pairs")) {
                    if (pair.path("matched_tokens").asInt() >= MINIMUM_MATCHED_TOKENS) {
                        pairs.add(pair(slug, pair, work.resolve(slug).resolve("submissions")));
                    }
                }
            }
            pairs.sort(Comparator.comparingDouble(SimilarPair::similarity).reversed()
                    .thenComparing(SimilarPair::kata).thenComparing(SimilarPair::first));
            compared.sort(Comparator.comparing(c -> katas.stream().map(Kata::slug).toList().indexOf(c.kata())));
            return new Similarity(threshold, compared, pairs, notes);
        } finally {
            FileTree.deleteRecursively(work);
        }
    }

    /** Copies each kata's submissions and base code where JPlag reads them, and writes the request. */
    private static Path request(List<Kata> katas, double threshold, Path work) {
        ObjectNode request = JSON.createObjectNode().put("threshold", threshold)
                .put("minimum_tokens", MINIMUM_TOKEN_MATCH);
        ArrayNode items = request.putArray("katas");
        try {
            for (Kata kata : katas) {
                Path submissions = Files.createDirectories(work.resolve(kata.slug()).resolve("submissions"));
                for (Map.Entry<String, Path> submission : kata.submissions().entrySet()) {
                    copyJava(submission.getValue(), submissions.resolve(submission.getKey()));
                }
                // Normalised token streams: statements reordered where order does not matter still match.
                ObjectNode item = items.addObject().put("slug", kata.slug())
                        .put("submissions", submissions.toString()).put("normalize", true);
                Path base = work.resolve(kata.slug()).resolve("base");
                if (copyJava(kata.base(), base) > 0) {
                    item.put("base", base.toString());
                }
            }
            Path file = work.resolve("request.json");
            JSON.writeValue(file.toFile(), request);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode runDriver(Path java, Path request, Path work) {
        Path result = work.resolve("result.json");
        Path log = work.resolve("jplag.log");
        List<String> command = List.of(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                JplagDriver.class.getName(), request.toString(), result.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the similarity check took more than " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(result)) {
                String tail = Files.readString(log);
                throw new IllegalStateException("the similarity check failed (exit " + process.exitValue() + "): "
                        + tail.substring(Math.max(0, tail.length() - 2000)));
            }
            return JSON.readTree(result.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the similarity check was interrupted", e);
        }
    }

    private static SimilarPair pair(String kata, JsonNode pair, Path submissions) {
        String first = pair.path("first").asText();
        String second = pair.path("second").asText();
        // Name order, so that a pair reads the same in every run.
        boolean swap = first.compareTo(second) > 0;
        List<SimilarPair.Region> regions = new ArrayList<>();
        for (JsonNode match : pair.path("matches")) {
            if (regions.size() == REGIONS_SHOWN) {
                break;
            }
            SimilarPair.Excerpt a = excerpt(submissions.resolve(first), match.path("first"));
            SimilarPair.Excerpt b = excerpt(submissions.resolve(second), match.path("second"));
            regions.add(swap ? new SimilarPair.Region(b, a, match.path("tokens").asInt())
                    : new SimilarPair.Region(a, b, match.path("tokens").asInt()));
        }
        return new SimilarPair(kata, swap ? second : first, swap ? first : second,
                pair.path("similarity").asDouble(), pair.path("matched_tokens").asInt(), regions);
    }

    private static SimilarPair.Excerpt excerpt(Path root, JsonNode place) {
        String file = place.path("file").asText();
        int start = place.path("start_line").asInt();
        int end = place.path("end_line").asInt();
        String text;
        try {
            List<String> lines = Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
            text = String.join("\n", lines.subList(Math.max(0, start - 1), Math.min(lines.size(), end)));
        } catch (IOException | RuntimeException e) {
            text = "";
        }
        return new SimilarPair.Excerpt(file, start, end, text);
    }

    /** Copies the .java files of a folder; returns how many. */
    private static int copyJava(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int copied = 0;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".java")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                copied++;
            }
        }
        return copied;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kata-similarity-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
