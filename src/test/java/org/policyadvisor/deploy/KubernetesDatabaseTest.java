package org.policyadvisor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes.yaml: every replica reads its records database from one Secret, and the manifest's PostgreSQL matches it. */
class KubernetesDatabaseTest {

    private static final Path MANIFEST = Path.of("deploy/kubernetes.yaml");

    @Test
    void the_replicas_share_the_database_named_by_the_secret_that_the_postgresql_stateful_set_uses() throws IOException {
        List<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(MANIFEST.toFile()).readAll();
        JsonNode app = named(docs, "Deployment", "policy-advisor").at("/spec/template/spec/containers/0");
        JsonNode db = named(docs, "StatefulSet", "policy-advisor-db");
        JsonNode dbService = named(docs, "Service", "policy-advisor-db");
        JsonNode postgres = db.at("/spec/template/spec/containers/0");

        String secret = secretRef(app, "DATABASE_URL").path("name").asText();
        for (String variable : List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD")) {
            JsonNode ref = secretRef(app, variable);
            assertThat(ref.path("name").asText()).isEqualTo(secret);
            assertThat(ref.path("optional").asBoolean(false)).as("the pods' file system is read-only: no embedded fallback").isFalse();
        }
        assertThat(secretRef(postgres, "POSTGRES_USER")).isEqualTo(secretRef(app, "DATABASE_USER"));
        assertThat(secretRef(postgres, "POSTGRES_PASSWORD")).isEqualTo(secretRef(app, "DATABASE_PASSWORD"));

        assertThat(dbService.at("/spec/selector")).isEqualTo(db.at("/spec/selector/matchLabels"));
        assertThat(db.at("/spec/serviceName").asText()).isEqualTo(dbService.at("/metadata/name").asText());
        assertThat(db.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo(postgres.at("/volumeMounts/0/name").asText());
        for (JsonNode part : List.of(db, dbService)) {
            assertThat(part.at("/metadata/labels/app.kubernetes.io~1component").asText()).as("left out for an external database").isEqualTo("database");
        }

        // The Secret the README and the manifest's header tell operators to create points at that service and database.
        String manifest = Files.readString(MANIFEST);
        Matcher create = Pattern.compile("create secret generic (\\S+)\\s+\\\\\\s*#?\\s*--from-literal=url=jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(manifest);
        assertThat(create.find()).as("the kubectl create secret line in " + MANIFEST).isTrue();
        assertThat(create.group(1)).isEqualTo(secret);
        assertThat(create.group(2)).isEqualTo(dbService.at("/metadata/name").asText());
        assertThat(create.group(3)).isEqualTo(dbService.at("/spec/ports/0/port").asText());
        assertThat(create.group(4)).isEqualTo(env(postgres, "POSTGRES_DB"));
        assertThat(Files.readString(Path.of("README.md"))).contains("create secret generic " + secret);
    }

    private static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + MANIFEST));
    }

    private static JsonNode secretRef(JsonNode container, String name) {
        for (JsonNode variable : container.at("/env")) {
            if (variable.path("name").asText().equals(name)) return variable.at("/valueFrom/secretKeyRef");
        }
        throw new AssertionError("no " + name + " in the container's env");
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.at("/env")) if (variable.path("name").asText().equals(name)) return variable.path("value").asText();
        throw new AssertionError("no " + name + " in the container's env");
    }
}
