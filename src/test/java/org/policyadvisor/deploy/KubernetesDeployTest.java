package org.policyadvisor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;

/** deploy/kubernetes.yaml: the rules as a ConfigMap volume lays them out, and a manifest that fits the service. */
class KubernetesDeployTest {

    private static final Path MANIFEST = Path.of("deploy/kubernetes.yaml");

    /**
     * A ConfigMap volume holds one folder: each key is a link to {@code ..data/<key>}, and {@code ..data} links to
     * a hidden, timestamped folder that Kubernetes swaps when the ConfigMap changes.
     */
    @Test
    void the_rules_serve_and_pass_their_scenarios_from_a_config_map_volume(@TempDir Path volume) throws IOException {
        Path data = Files.createDirectory(volume.resolve("..2026_11_27_00_00_00.000000001"));
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RealRules.DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                names.add(name);
                Files.copy(file, data.resolve(name));
                Files.createSymbolicLink(volume.resolve(name), Path.of("..data", name));
            }
        }
        Files.createSymbolicLink(volume.resolve("..data"), data.getFileName());
        assertThat(names).as("file names in rules/ must be unique to share one ConfigMap").doesNotHaveDuplicates();

        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(volume));
        try {
            assertThat(ruleset.files()).allSatisfy(f -> assertThat(f.path()).doesNotStartWith("."));
            assertThat(ruleset.catalogue().programs()).extracting(Program::id)
                    .containsExactlyElementsOf(RealRules.ruleset().catalogue().programs().stream().map(Program::id).toList());
            ScenarioReport report = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT)).run(ruleset);
            assertThat(report.problems()).isEmpty();
            assertThat(report.failures()).isEmpty();
            assertThat(report.testsRun()).isEqualTo(new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT)).run(RealRules.ruleset()).testsRun());
        } finally {
            ruleset.release();
        }
    }

    @Test
    void the_deployment_probes_ready_and_health_and_reads_its_rules_from_the_config_map_as_a_non_root_user() throws IOException {
        List<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(MANIFEST.toFile()).readAll();
        JsonNode configMap = kind(docs, "ConfigMap");
        JsonNode deployment = kind(docs, "Deployment");
        JsonNode service = kind(docs, "Service");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(env(container, "PORT"));
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container.at("/ports/0/name").asText());
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));

        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(mount.at("/mountPath").asText()).isEqualTo(env(container, "RULES_DIR"));
        assertThat(mount.has("subPath")).as("a subPath mount never sees ConfigMap updates").isFalse();
        JsonNode volume = pod.at("/volumes/0");
        assertThat(volume.at("/name").asText()).isEqualTo(mount.at("/name").asText());
        assertThat(volume.at("/configMap/name").asText()).isEqualTo(configMap.at("/metadata/name").asText());

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.at("/env")) if (variable.path("name").asText().equals(name)) return variable.path("value").asText();
        throw new AssertionError("no " + name + " in the container's env");
    }
}
