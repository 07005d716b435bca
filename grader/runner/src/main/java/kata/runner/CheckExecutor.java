package kata.runner;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.engine.SelectorResolutionResult;

/** Runs one test method (with all its invocations, if parameterized) through the JUnit Platform. */
final class CheckExecutor {

    private final Launcher launcher;

    CheckExecutor(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Runs the check; {@code started} runs when its test class starts, after JUnit's discovery. */
    Verdict run(String methodSelector, Runnable started) {
        Results results = new Results(started);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectMethod(methodSelector))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .listeners(results)
                .build();
        launcher.execute(request, results);
        return results.verdict(methodSelector);
    }

    private static final class Results implements TestExecutionListener, LauncherDiscoveryListener {
        private final List<Throwable> failures = new ArrayList<>();
        private Throwable discoveryFailure;
        private boolean unresolved;
        private String skipReason;
        private int testsRun;
        private final Runnable started;
        private boolean startSeen;

        Results(Runnable started) {
            this.started = started;
        }

        @Override
        public void executionStarted(TestIdentifier identifier) {
            if (!startSeen && identifier.getParentId().isPresent()) {
                startSeen = true;
                started.run();
            }
        }

        @Override
        public void selectorProcessed(UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
            if (result.getStatus() == SelectorResolutionResult.Status.FAILED) {
                discoveryFailure = result.getThrowable().orElse(null);
            } else if (result.getStatus() == SelectorResolutionResult.Status.UNRESOLVED
                    && engineId.toString().contains("junit-jupiter")) {
                unresolved = true;
            }
        }

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            skipReason = reason;
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.isTest()) {
                testsRun++;
            }
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failures.add(result.getThrowable().orElseGet(() -> new AssertionError("failed")));
            } else if (result.getStatus() == TestExecutionResult.Status.ABORTED && identifier.isTest()) {
                skipReason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            }
        }

        Verdict verdict(String selector) {
            if (!failures.isEmpty()) {
                return Feedback.of(failures.get(0));
            }
            if (discoveryFailure != null) {
                return Feedback.of(discoveryFailure);
            }
            if (testsRun > 0 && skipReason == null) {
                return Verdict.passed();
            }
            if (skipReason != null) {
                return Verdict.skipped(skipReason);
            }
            return Verdict.error("The check " + selector + " was not found in the test classes"
                    + (unresolved ? " (unresolved selector)" : "") + ". This is a problem of the grader's"
                    + " test bundle, not of your code.");
        }
    }
}
