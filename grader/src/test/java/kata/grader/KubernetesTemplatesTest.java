package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes templates, read as the API server would: the pods that run student code pass Pod
 * Security's "restricted" level, get no service-account token, may not reach the network, and
 * are cleaned up after they finish.
 */
class KubernetesTemplatesTest {

    private static final Path DIR = Path.of(System.getProperty("kata.course.root", "..")).toAbsolutePath()
            .normalize().resolve("templates/kubernetes");
    /** The volume types Pod Security's restricted level allows. */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.add(new YAMLMapper().readTree(file.toFile()));
            }
        }
        return all;
    }

    private static List<JsonNode> of(String kind) throws IOException {
        return manifests().stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void everyJobsPodPassesTheRestrictedPodSecurityLevel() throws IOException {
        List<JsonNode> jobs = of("Job");
        assertEquals(2, jobs.size(), "the batch and the merge");
        for (JsonNode job : jobs) {
            String name = job.path("metadata").path("name").asText();
            JsonNode pod = job.path("spec").path("template").path("spec");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertFalse(pod.path(host).asBoolean(false), name + ": " + host);
            }
            JsonNode podSecurity = pod.path("securityContext");
            assertTrue(podSecurity.path("runAsNonRoot").asBoolean(false), name + ": runAsNonRoot");
            assertTrue(podSecurity.path("runAsUser").asInt(0) > 0, name + ": runAsUser");
            assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText(), name);
            for (JsonNode volume : pod.path("volumes")) {
                volume.fieldNames().forEachRemaining(field -> assertTrue(field.equals("name")
                        || RESTRICTED_VOLUMES.contains(field), name + ": volume type " + field));
            }
            assertTrue(pod.path("containers").size() > 0, name);
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertFalse(security.path("privileged").asBoolean(false), name);
                assertEquals(false, security.path("allowPrivilegeEscalation").asBoolean(true), name
                        + ": allowPrivilegeEscalation must be false");
                assertTrue(security.path("capabilities").path("drop").toString().contains("\"ALL\""), name
                        + ": capabilities must drop ALL");
                assertTrue(security.path("capabilities").path("add").isMissingNode(), name + ": no capability added");
                assertFalse(security.path("runAsUser").asInt(1) == 0, name + ": not root");
            }
        }
    }

    @Test
    void noPodThatRunsStudentCodeGetsAServiceAccountToken() throws IOException {
        for (JsonNode job : of("Job")) {
            assertEquals(false, job.path("spec").path("template").path("spec").path("automountServiceAccountToken")
                    .asBoolean(true), job.path("metadata").path("name").asText());
        }
    }

    @Test
    void aNetworkPolicyDeniesTheGradingPodsAllTrafficOut() throws IOException {
        List<JsonNode> policies = of("NetworkPolicy");
        assertEquals(1, policies.size());
        JsonNode policy = policies.get(0);
        JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
        assertTrue(policy.path("spec").path("policyTypes").toString().contains("\"Egress\""));
        assertEquals(0, policy.path("spec").path("egress").size(), "no egress rule: nothing may go out");
        for (JsonNode job : of("Job")) {
            JsonNode labels = job.path("spec").path("template").path("metadata").path("labels");
            selector.fields().forEachRemaining(label -> assertEquals(label.getValue(), labels.path(label.getKey()),
                    job.path("metadata").path("name").asText() + " is selected by the policy"));
            assertEquals(policy.path("metadata").path("namespace"), job.path("metadata").path("namespace"));
        }
    }

    @Test
    void theNamespaceEnforcesRestrictedAndFinishedJobsAreRemoved() throws IOException {
        JsonNode namespace = of("Namespace").get(0);
        assertEquals("restricted", namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce")
                .asText());
        for (JsonNode manifest : manifests()) {
            if (!manifest.path("kind").asText().equals("Namespace")) {
                assertEquals(namespace.path("metadata").path("name"), manifest.path("metadata").path("namespace"),
                        manifest.path("kind") + " " + manifest.path("metadata").path("name"));
            }
        }
        for (JsonNode job : of("Job")) {
            assertTrue(job.path("spec").path("ttlSecondsAfterFinished").asInt(0) > 0,
                    job.path("metadata").path("name") + ": ttlSecondsAfterFinished");
        }
    }

    @Test
    void theImageRunsAsANumericUserThatIsNotRoot() throws IOException {
        List<String> users = Files.readAllLines(DIR.resolve("Dockerfile")).stream().filter(l -> l.startsWith("USER "))
                .map(l -> l.substring(5).strip()).toList();
        assertEquals(1, users.size());
        assertTrue(users.get(0).matches("[1-9][0-9]*"), "runAsNonRoot needs a numeric user: " + users.get(0));
    }
}
