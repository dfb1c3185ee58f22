package org.policyadvisor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in deploy/ read into the Kubernetes API's own types (fabric8's model of v1, apps/v1 and policy/v1):
 * a kind the manifests do not use yet, a field its type does not have (misspelt, or one level off), or a value of the
 * wrong type fails here, where an API server would refuse it or, worse, drop the field without a word.
 */
class KubernetesManifestTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "apps/v1 StatefulSet", StatefulSet.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);

    @Test
    void every_manifest_in_deploy_has_a_known_kind_and_only_the_fields_of_its_type() throws Exception {
        List<Path> manifests;
        try (Stream<Path> files = Files.list(Path.of("deploy"))) {
            manifests = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(manifests).isNotEmpty();
        for (Path manifest : manifests) {
            List<JsonNode> documents = documents(Files.readString(manifest));
            assertThat(documents).as(manifest.toString()).isNotEmpty();
            for (JsonNode document : documents) {
                assertThat(problems(document)).as(manifest + ": " + document.path("kind").asText() + " " + document.at("/metadata/name").asText())
                        .isEmpty();
            }
        }
    }

    @Test
    void a_misspelt_or_misplaced_field_and_an_unknown_kind_are_found() throws Exception {
        List<JsonNode> documents = documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  template:
                    spec:
                      terminationGracePeriodSecond: 40
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSecond: 5}
                ---
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: x}
                """);

        assertThat(problems(documents.get(0))).containsExactlyInAnyOrder("/spec/replica", "/spec/template/spec/terminationGracePeriodSecond",
                "/spec/template/spec/containers/0/readinessProbe/periodSecond");
        assertThat(problems(documents.get(1))).containsExactly("unknown kind: policy/v1beta1 PodDisruptionBudget");
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return documents.readAll().stream().filter(d -> d != null && !d.isEmpty()).toList();
        }
    }

    /** The fields of this document that its type lacks (as paths), or why it has no type. */
    private static List<String> problems(JsonNode document) throws Exception {
        String kind = document.path("apiVersion").asText() + " " + document.path("kind").asText();
        if (!KINDS.containsKey(kind)) return List.of("unknown kind: " + kind);
        List<String> unknown = new ArrayList<>();
        unknownFields(YAML.treeToValue(document, KINDS.get(kind)), "", unknown);
        return unknown;
    }

    /**
     * fabric8's types keep a field they do not have in {@code getAdditionalProperties()} instead of failing (the API
     * evolves): collect those, walking every property of every model object.
     */
    private static void unknownFields(Object value, String path, List<String> found) throws ReflectiveOperationException {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) unknownFields(list.get(i), path + "/" + i, found);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) unknownFields(entry.getValue(), path + "/" + entry.getKey(), found);
        } else if (value != null && value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                        || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object property = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    for (Object name : ((Map<?, ?>) property).keySet()) found.add(path + "/" + name);
                } else {
                    unknownFields(property, path + "/" + Introspector.decapitalize(getter.getName().substring(3)), found);
                }
            }
        }
    }
}
