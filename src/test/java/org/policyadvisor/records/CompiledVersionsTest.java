package org.policyadvisor.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.reload.RulesFixture;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;

/** Archived versions are compiled from the store once, kept among the last few, and the active one is never recompiled. */
class CompiledVersionsTest {

    @Test
    void archived_versions_are_compiled_once_and_only_the_last_few_are_kept(@TempDir Path dir) throws SQLException {
        try (Database database = Database.open(Storage.embedded(dir))) {
            RulesArchive archive = new RulesArchive(database.dataSource());
            ActiveRuleset active = new ActiveRuleset();
            List<String> versions = new ArrayList<>();
            for (long amount = 1; amount <= CompiledVersions.KEEP + 2; amount++) {
                List<RuleFile> files = RulesFixture.ruleFiles(RulesFixture.tiny(amount));
                String version = RulesetCompiler.version(files);
                archive.archive(version, files);
                archive.archive(version, files); // a second replica archiving the same version changes nothing
                versions.add(version);
            }
            Ruleset serving = new RulesetCompiler(Clock.systemUTC()).compile(RulesFixture.ruleFiles(RulesFixture.tiny(1)));
            active.activate(serving);
            try (CompiledVersions compiled = new CompiledVersions(active, archive, Clock.systemUTC())) {
                assertThat(compiled.get(versions.get(0))).containsSame(serving);
                assertThat(compiled.size()).isZero();

                Ruleset second = compiled.get(versions.get(1)).orElseThrow();
                assertThat(second.version()).isEqualTo(versions.get(1));
                assertThat(second.catalogue().programs().get(0).benefits().get(0).amount()).isEqualTo(2L);
                assertThat(compiled.get(versions.get(1))).containsSame(second);

                for (String version : versions.subList(1, versions.size())) assertThat(compiled.get(version)).isPresent();
                assertThat(compiled.size()).isEqualTo(CompiledVersions.KEEP);
                assertThat(compiled.get("sha256:never-activated")).isEmpty();
            } finally {
                serving.release();
            }
            assertThat(archive.files(versions.get(2)).orElseThrow()).hasSize(RulesFixture.tiny(3).size());
        }
    }
}
