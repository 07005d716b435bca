package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kata.grader.files.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI templates, run: every command line of templates/ci/ on a small class, each job in a
 * workspace of its own (a fresh checkout of the grading repository, with grader.jar), artifacts
 * passed on as the CI passes them. The merged class and its exports must come out whole.
 */
class TemplatesIT {

    private static final Path ROOT = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The instructor's grading repository: grader.jar, submissions/ and roster.csv. */
    private static Path gradingRepository(Path dir) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repository"));
        Files.copy(Path.of(System.getProperty("kata.grader.jar")), repo.resolve("grader.jar"));
        Path submissions = Files.createDirectories(repo.resolve("submissions"));
        FileTree.copyTree(ROOT.resolve("grader/samples/does-not-compile"), submissions.resolve("ben"));
        FileTree.copyTree(ROOT.resolve("grader/samples/does-not-compile"), submissions.resolve("dee"));
        Files.writeString(submissions.resolve("ann.zip"), "not a zip");
        Files.writeString(submissions.resolve("cid.zip"), "not a zip either");
        Files.writeString(repo.resolve("roster.csv"), "entry,name,email,lms_user_id,section\n"
                + "ann,Ann,ann@x.edu,1,A\nben,Ben,ben@x.edu,2,A\ncid,Cid,cid@x.edu,3,B\ndee,Dee,dee@x.edu,4,B\n"
                + "eve,Eve,eve@x.edu,5,B\n");
        return repo;
    }

    private static Path checkout(Path repo, Path workspace) throws IOException {
        FileTree.copyTree(repo, workspace);
        return workspace;
    }

    @Test
    void theGithubActionsWorkflowGradesTheShardsMergesThemAndExports(@TempDir Path dir) throws Exception {
        JsonNode workflow = YAML.readTree(ROOT.resolve("templates/ci/github-actions-batch.yml").toFile());
        Path repo = gradingRepository(dir);
        Map<String, String> env = new HashMap<>();
        workflow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode grade = workflow.path("jobs").path("grade");
        Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
        List<Job> jobs = new ArrayList<>();
        for (JsonNode shard : grade.path("strategy").path("matrix").path("shard")) {
            jobs.add(() -> {
                Map<String, String> expressions = new HashMap<>(Map.of("matrix.shard", shard.asText()));
                env.forEach((k, v) -> expressions.put("env." + k, v));
                Path workspace = checkout(repo, dir.resolve("grade-" + shard.asText()));
                for (JsonNode step : grade.path("steps")) {
                    if (step.has("run")) {
                        bash(workspace, expand(step.get("run").asText(), expressions), env);
                    } else if (step.path("uses").asText().startsWith("actions/upload-artifact")) {
                        // include-hidden-files: false, as the template says: the state files stay behind.
                        assertEquals("false", step.path("with").path("include-hidden-files").asText());
                        copy(workspace.resolve(expand(step.path("with").path("path").asText(), expressions)),
                                artifacts.resolve(expand(step.path("with").path("name").asText(), expressions)),
                                false);
                    }
                }
            });
        }
        assertEquals(Integer.parseInt(env.get("SHARDS")), jobs.size(), "the matrix and SHARDS agree");
        inParallel(jobs);

        Path merge = checkout(repo, dir.resolve("merge"));
        Map<String, String> expressions = new HashMap<>();
        env.forEach((k, v) -> expressions.put("env." + k, v));
        for (JsonNode step : workflow.path("jobs").path("merge").path("steps")) {
            if (step.has("run")) {
                bash(merge, expand(step.get("run").asText(), expressions), env);
            } else if (step.path("uses").asText().startsWith("actions/download-artifact")) {
                // With a pattern, each artifact lands in <path>/<artifact name>.
                String pattern = step.path("with").path("pattern").asText().replace("*", ".*");
                try (Stream<Path> all = Files.list(artifacts)) {
                    for (Path artifact : all.filter(a -> a.getFileName().toString().matches(pattern)).toList()) {
                        copy(artifact, merge.resolve(step.path("with").path("path").asText())
                                .resolve(artifact.getFileName().toString()), true);
                    }
                }
            }
        }

        assertMergedClass(merge.resolve("class"));
    }

    @Test
    void theGitlabPipelineGradesTheShardsMergesThemAndExports(@TempDir Path dir) throws Exception {
        JsonNode pipeline = YAML.readTree(ROOT.resolve("templates/ci/gitlab-ci-batch.yml").toFile());
        Path repo = gradingRepository(dir);
        Map<String, String> variables = new HashMap<>();
        pipeline.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        JsonNode grade = pipeline.path("grade");
        int parallel = grade.path("parallel").asInt();
        List<Path> gradeWorkspaces = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (int node = 1; node <= parallel; node++) {
            Map<String, String> env = new HashMap<>(variables);
            env.put("CI_NODE_INDEX", String.valueOf(node));
            env.put("CI_NODE_TOTAL", String.valueOf(parallel));
            Path workspace = dir.resolve("grade-" + node);
            gradeWorkspaces.add(workspace);
            jobs.add(() -> {
                checkout(repo, workspace);
                for (JsonNode line : grade.path("script")) {
                    bash(workspace, line.asText(), env);
                }
            });
        }
        inParallel(jobs);

        Path merge = checkout(repo, dir.resolve("merge"));
        for (int node = 1; node <= parallel; node++) {
            // A later stage gets the earlier jobs' artifacts at the same relative paths.
            for (JsonNode path : grade.path("artifacts").path("paths")) {
                String relative = path.asText().replace("$CI_NODE_INDEX", String.valueOf(node));
                copy(gradeWorkspaces.get(node - 1).resolve(relative), merge.resolve(relative), true);
            }
        }
        for (JsonNode line : pipeline.path("merge").path("script")) {
            bash(merge, line.asText(), variables);
        }

        assertMergedClass(merge.resolve("class"));
    }

    /** One CI job: its steps, in a workspace of its own. */
    private interface Job {
        void run() throws Exception;
    }

    /** The jobs of a stage run at once, as a CI runs a matrix; the first failure fails the test. */
    private static void inParallel(List<Job> jobs) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs.size());
        try {
            List<java.util.concurrent.Future<Object>> running = new ArrayList<>();
            for (Job job : jobs) {
                running.add(pool.submit(() -> {
                    job.run();
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Object> job : running) {
                try {
                    job.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every student of the roster is in the merged class, with the report and both LMS files. */
    private static void assertMergedClass(Path merged) throws IOException {
        String summary = Files.readString(merged.resolve("summary.csv"));
        for (String entry : List.of("ann", "ben", "cid", "dee", "eve")) {
            assertTrue(summary.contains("\r\n" + entry + ","), entry + " missing from\n" + summary);
        }
        assertTrue(summary.contains("eve,Eve,eve@x.edu,,5,,B,not_submitted"), summary);
        assertTrue(Files.readString(merged.resolve("report.html")).contains(
                "5 students: 2 graded, 1 not submitted, 2 could not be graded (2 unreadable archives)."));
        String canvas = Files.readString(merged.resolve("canvas.csv"));
        assertTrue(canvas.startsWith("Student,ID,SIS User ID,SIS Login ID,Section,Concurrency katas\r\n"), canvas);
        assertTrue(canvas.contains("\r\nBen,2,,,A,0\r\n"), canvas);
        String moodle = Files.readString(merged.resolve("moodle.csv"));
        assertTrue(moodle.startsWith("email,Concurrency katas,Concurrency katas feedback\r\n"), moodle);
        assertTrue(moodle.contains("ben@x.edu,0,"), moodle);
    }

    /** ${{ name }} as the workflow engine replaces it; an expression this test does not know fails it. */
    private static String expand(String text, Map<String, String> expressions) {
        Matcher matcher = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = expressions.get(matcher.group(1));
            assertTrue(value != null, "unknown expression " + matcher.group(0) + " in " + text);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static void bash(Path workspace, String script, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(workspace.toFile())
                .redirectErrorStream(true).redirectOutput(workspace.resolve(".step.log").toFile());
        builder.environment().putAll(env);
        // The runner's java: the JDK running this test.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        Process process = builder.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "did not finish: " + script);
        String log = Files.readString(workspace.resolve(".step.log"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "step failed: " + script + "\n" + log);
        assertFalse(log.contains("error:"), log);
    }

    private static void copy(Path from, Path to, boolean hidden) throws IOException {
        assertTrue(Files.isDirectory(from), "no artifact at " + from);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                boolean isHidden = false;
                for (Path part : relative) {
                    isHidden |= part.toString().startsWith(".");
                }
                if (isHidden && !hidden) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
