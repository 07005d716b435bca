package kata.grader.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.sandbox.JdkAllowList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "allowed", mixinStandardHelpOptions = true,
        description = {"Print the JDK packages, classes and members student code may use (the allow-list the"
                + " static rules apply before any student code runs), grouped by the allowance that grants them.",
                "An exercise's exercise.json extends it: \"allow\": [\"sockets\"] names an allowance,"
                        + " \"allow\": [\"java.util.logging.Logger\"] a package, class or Class#member."})
final class AllowedCommand implements Callable<Integer> {

    @Option(names = "--exercise", paramLabel = "<slug>",
            description = "Only what this exercise's code may use (default: every grant, by allowance).")
    String exercise;

    @Mixin
    CourseFlags course;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<JdkAllowList.Grant> grants = JdkAllowList.grants();
        if (exercise != null) {
            Course loaded = course.course();
            Exercise chosen = loaded.find(exercise).orElseThrow(() -> new IllegalArgumentException("unknown exercise '"
                    + exercise + "'; this course has: " + String.join(", ",
                    loaded.exercises().stream().map(Exercise::slug).toList())));
            grants = JdkAllowList.grantedTo(chosen);
            out.println("JDK classes and members the code of " + exercise + " may use:");
        } else {
            out.println("JDK classes and members student code may use; [allow: x] needs \"allow\": [\"x\"] in the"
                    + " exercise's exercise.json:");
        }
        Map<String, List<JdkAllowList.Grant>> byAllowance = new LinkedHashMap<>();
        byAllowance.put("every kata", new ArrayList<>());
        for (JdkAllowList.Grant grant : grants) {
            String group = grant.allowance() == null ? "every kata" : "allow: " + grant.allowance().specName();
            byAllowance.computeIfAbsent(group, g -> new ArrayList<>()).add(grant);
        }
        byAllowance.forEach((group, inGroup) -> {
            out.println();
            out.println(group + " (" + inGroup.size() + ")");
            Map<String, String> sorted = new TreeMap<>();
            inGroup.forEach(g -> sorted.put(g.name() + (g.isPackage() ? "" : "#" + g.members()), g.what()));
            sorted.values().forEach(line -> out.println("  " + line));
        });
        return 0;
    }
}
