package org.policyadvisor.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyadvisor.reload.RulesFixture;
import org.policyadvisor.testing.PostgresServer;

/** The records contract on a real PostgreSQL server, and two service instances sharing one database. */
class ConsultationsPostgresTest extends ConsultationsContract {

    private Storage database;

    @BeforeEach
    void freshDatabase() {
        database = PostgresServer.shared().newDatabase();
    }

    @Override
    Storage storage() {
        return database;
    }

    @Test
    void two_instances_on_one_database_see_each_others_records_and_archive() throws IOException {
        Service one = start();
        Service two = start();
        String first = one.version();
        String reference = save(one, ADULT);

        assertThat(two.server.get("/api/v1/consultations/" + reference).body())
                .isEqualTo(one.server.get("/api/v1/consultations/" + reference).body());

        // Only instance one activates the edit; instance two replays under it from the shared archive.
        assertThat(one.pipeline.publish(RulesFixture.ruleFiles(RulesFixture.tiny(250))).ok()).isTrue();
        String edited = one.version();
        assertThat(two.version()).isEqualTo(first);

        JsonNode files = json(two.server.get("/api/v1/rules/versions/" + edited));
        assertThat(files.get("version").asText()).isEqualTo(edited);
        JsonNode replay = json(two.server.get("/api/v1/consultations/" + reference + "/replay?asOf=2026-01-01&ruleset=" + edited));
        assertThat(replay.get("changes").get(0).get("program").asText()).isEqualTo("tiny");
        assertThat(replay.get("changes").get(0).get("now").get("eligibleCash").asLong()).isEqualTo(250);
        JsonNode history = json(two.server.get("/api/v1/rules/history"));
        assertThat(history.get("activations")).extracting(a -> a.get("version").asText()).containsExactly(edited, first);
        assertThat(history.get("attempts")).hasSize(3); // each instance's first activation, and instance one's edit
    }
}
