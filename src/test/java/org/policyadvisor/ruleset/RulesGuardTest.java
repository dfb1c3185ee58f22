package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;

/**
 * Generic invariants of the real policy package: every program complete and tested for each status it can take.
 * Citations, orders, scenario names and unused criteria are checked by the gate itself ({@code CrossFileCheck}).
 */
class RulesGuardTest {

    private final Catalogue catalogue = RealRules.ruleset().catalogue();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void every_program_sits_in_its_own_folder_with_rules_description_and_scenarios() {
        for (Program program : catalogue.programs()) {
            Path folder = RealRules.DIR.resolve("programs").resolve(program.id());
            assertThat(folder.resolve(program.id() + ".drl")).as(program.id()).exists();
            assertThat(folder.resolve(program.id() + ".yaml")).as(program.id()).exists();
            assertThat(folder.resolve(program.id() + ".scenarios.yaml")).as(program.id()).exists();
        }
    }

    @Test
    void every_program_has_scenarios_for_each_status_it_can_take() throws IOException {
        for (Program program : catalogue.programs()) {
            JsonNode file = yaml.readTree(RealRules.DIR.resolve("programs").resolve(program.id()).resolve(program.id() + ".scenarios.yaml").toFile());
            Set<String> statuses = new HashSet<>(file.get("scenarios").findValuesAsText("status"));
            assertThat(statuses).as(program.id()).contains("ELIGIBLE", "NOT_ELIGIBLE");
            if (canNeedInformation(program)) assertThat(statuses).as(program.id()).contains("NEEDS_INFO");
        }
    }

    /** Only a criterion that reads a question without a default answer can be unknown. */
    private boolean canNeedInformation(Program program) {
        return program.criteria().stream().map(catalogue::criterion)
                .flatMap(c -> c.fields().stream())
                .anyMatch(field -> catalogue.question(field).defaultValue() == null);
    }

    @Test
    void every_how_to_apply_marks_our_own_suggestions_in_all_three_languages_or_in_none() {
        Map<Lang, String> marks = Map.of(Lang.ZH_HANS, "建议（非原文内容）：", Lang.ZH_HANT, "建議（非原文內容）：",
                Lang.EN, "Our suggestion, not from the source: ");
        for (Program program : catalogue.programs()) {
            Set<Boolean> marked = new HashSet<>();
            marks.forEach((lang, mark) -> marked.add(program.howToApply().in(lang).contains(mark)));
            assertThat(marked).as(program.id() + ": a suggestion marked in one language is marked in all").hasSize(1);
        }
    }

    @Test
    void every_assumption_is_relied_on_by_some_program_and_shown_with_it() {
        Set<String> used = new HashSet<>();
        catalogue.programs().forEach(p -> used.addAll(p.assumptions()));
        assertThat(used).containsAll(catalogue.assumptions().keySet());
    }

    @Test
    void every_program_criterion_reads_only_declared_questions_and_ends_with_program_in_effect() {
        for (Program program : catalogue.programs()) {
            assertThat(program.criteria()).last().isEqualTo(Criterion.PROGRAM_IN_EFFECT);
            program.criteria().stream().map(catalogue::criterion)
                    .flatMap(c -> c.fields().stream())
                    .forEach(field -> assertThat(catalogue.question(field)).as(field).isNotNull());
        }
    }
}
