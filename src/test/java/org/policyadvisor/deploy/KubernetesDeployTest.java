package org.policyadvisor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;

/** deploy/: the rules ConfigMap as the README makes it, laid out as a ConfigMap volume, and a manifest that fits. */
class KubernetesDeployTest {

    private static final Path MANIFEST = Path.of("deploy/kubernetes.yaml");
    private static final Path SCRIPT = Path.of("deploy/rules-configmap.sh");

    /** Runs deploy/rules-configmap.sh as the README does (bash, no argument); {@code kubectl} "none" forces its own YAML. */
    private static JsonNode configMap(String kubectl, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (kubectl != null) builder.environment().put("KUBECTL", kubectl);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new YAMLMapper().readTree(out);
    }

    /**
     * A ConfigMap volume holds one folder: each key is a link to {@code ..data/<key>}, and {@code ..data} links to
     * a hidden, timestamped folder that Kubernetes swaps when the ConfigMap changes.
     */
    private static Path volume(JsonNode configMap, Path volume) throws IOException {
        Path data = Files.createDirectory(volume.resolve("..2026_11_27_00_00_00.000000001"));
        for (Iterator<Map.Entry<String, JsonNode>> keys = configMap.get("data").fields(); keys.hasNext(); ) {
            Map.Entry<String, JsonNode> key = keys.next();
            Files.writeString(data.resolve(key.getKey()), key.getValue().textValue(), StandardCharsets.UTF_8);
            Files.createSymbolicLink(volume.resolve(key.getKey()), Path.of("..data", key.getKey()));
        }
        Files.createSymbolicLink(volume.resolve("..data"), data.getFileName());
        return volume;
    }

    @Test
    void the_script_puts_every_rules_file_in_the_config_map_with_its_exact_content_with_or_without_kubectl(@TempDir Path tmp) throws Exception {
        List<RuleFile> checkout = RulesDirectory.read(RealRules.DIR);
        for (String kubectl : new String[] {"none", null}) {
            JsonNode map = configMap(kubectl);
            assertThat(map.at("/kind").asText()).isEqualTo("ConfigMap");
            assertThat(map.at("/metadata/name").asText()).isEqualTo("policy-advisor-rules");
            assertThat(map.get("data").size()).as("kubectl=" + kubectl).isEqualTo(checkout.size());
            List<RuleFile> fromVolume = RulesDirectory.read(volume(map, Files.createTempDirectory(tmp, "volume")));
            assertThat(fromVolume).extracting(RuleFile::path).containsExactlyElementsOf(checkout.stream().map(RuleFile::path).toList());
            assertThat(fromVolume).extracting(RuleFile::sha256).containsExactlyElementsOf(checkout.stream().map(RuleFile::sha256).toList());
        }
    }

    @Test
    void a_git_checkout_and_its_config_map_volume_give_the_same_ruleset_version(@TempDir Path tmp) throws Exception {
        String fromCheckout = RulesetCompiler.version(RulesDirectory.read(RealRules.DIR));
        assertThat(fromCheckout).isEqualTo(RealRules.ruleset().version());
        // A copy elsewhere (another clone, the image's /app/rules) has the same logical paths, hence the same version.
        Path copy = tmp.resolve("clone/rules");
        try (Stream<Path> files = Files.walk(RealRules.DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(RealRules.DIR.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        assertThat(RulesetCompiler.version(RulesDirectory.read(copy))).isEqualTo(fromCheckout);
        Path volume = volume(configMap("none"), Files.createDirectory(tmp.resolve("volume")));
        assertThat(RulesetCompiler.version(RulesDirectory.read(volume))).isEqualTo(fromCheckout);
    }

    @Test
    void the_rules_serve_and_pass_their_scenarios_from_a_config_map_volume(@TempDir Path tmp) throws Exception {
        Path volume = volume(configMap("none"), tmp);
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(volume));
        try {
            assertThat(ruleset.version()).isEqualTo(RealRules.ruleset().version());
            assertThat(ruleset.files()).allSatisfy(f -> assertThat(f.path()).doesNotStartWith("."));
            assertThat(ruleset.catalogue().programs()).extracting(Program::id)
                    .containsExactlyElementsOf(RealRules.ruleset().catalogue().programs().stream().map(Program::id).toList());
            ScenarioReport report = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT)).run(ruleset);
            assertThat(report.problems()).isEmpty();
            assertThat(report.failures()).isEmpty();
        } finally {
            ruleset.release();
        }
    }

    @Test
    void the_deployment_probes_drains_keeps_admin_off_the_service_and_never_empties_the_rules() throws IOException {
        List<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(MANIFEST.toFile()).readAll();
        JsonNode deployment = kind(docs, "Deployment");
        JsonNode service = kind(docs, "Service");
        JsonNode budget = kind(docs, "PodDisruptionBudget");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(docs).as("a ConfigMap here would replace the real rules with its stub on every apply")
                .noneMatch(d -> d.path("kind").asText().equals("ConfigMap"));
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(port(container, "http")).isEqualTo(env(container, "PORT"));
        assertThat(port(container, "management")).isEqualTo(env(container, "MANAGEMENT_PORT"));
        assertThat(service.at("/spec/ports")).hasSize(1);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(deployment.at("/spec/template/metadata/annotations").path("prometheus.io/port").asText()).isEqualTo(env(container, "MANAGEMENT_PORT"));
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
        assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);

        // preStop, then SIGTERM, then a drain of at most 20 s: all inside the grace period.
        assertThat(container.at("/lifecycle/preStop/exec/command").toString()).contains("sleep");
        int preStop = container.at("/lifecycle/preStop/exec/command/1").asInt();
        assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThan(preStop + 20);

        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(mount.at("/mountPath").asText()).isEqualTo(env(container, "RULES_DIR"));
        assertThat(mount.has("subPath")).as("a subPath mount never sees ConfigMap updates").isFalse();
        JsonNode volume = pod.at("/volumes/0");
        assertThat(volume.at("/name").asText()).isEqualTo(mount.at("/name").asText());
        assertThat(volume.at("/configMap/name").asText()).isEqualTo("policy-advisor-rules");

        JsonNode token = envNode(container, "ADVISOR_ADMIN_TOKEN");
        assertThat(token.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("policy-advisor-admin");
        assertThat(Files.readString(Path.of("README.md"))).contains("kubectl create secret generic policy-advisor-admin");

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    private static String port(JsonNode container, String name) {
        for (JsonNode port : container.at("/ports")) if (port.path("name").asText().equals(name)) return port.path("containerPort").asText();
        throw new AssertionError("no port " + name);
    }

    private static JsonNode envNode(JsonNode container, String name) {
        for (JsonNode variable : container.at("/env")) if (variable.path("name").asText().equals(name)) return variable;
        throw new AssertionError("no " + name + " in the container's env");
    }

    private static String env(JsonNode container, String name) {
        return envNode(container, name).path("value").asText();
    }
}
