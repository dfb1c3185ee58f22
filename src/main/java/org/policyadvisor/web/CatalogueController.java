package org.policyadvisor.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/** GET /api/v1/programs and GET /api/v1/schema/profile: what the active rules declare. */
final class CatalogueController {

    private final ActiveRuleset rules;

    CatalogueController(ActiveRuleset rules) {
        this.rules = rules;
    }

    void programs(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Catalogue catalogue = ruleset.catalogue();
        ctx.json(new ProgramList(ruleset.version(), catalogue.programs().stream().map(p -> entry(catalogue, p)).toList()));
    }

    void profileSchema(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        ctx.contentType("application/schema+json")
                .result(Json.bytes(ProfileSchema.of(ruleset.catalogue(), Negotiation.lang(ctx), ruleset.version())));
    }

    private static ProgramEntry entry(Catalogue catalogue, Program program) {
        return new ProgramEntry(
                program.id(), program.name(), program.summary(), program.availability(), program.effectiveFrom(), program.effectiveTo(),
                program.criteria().stream().map(catalogue::criterion)
                        .map(c -> new CriterionEntry(c.id(), c.text(), c.fields(), c.assumptions())).toList(),
                program.assumptions().stream().map(catalogue::assumption).map(a -> new AssumptionEntry(a.id(), a.text())).toList(),
                program.benefits(), program.howToApply(), program.source());
    }

    record ProgramList(String rulesetVersion, List<ProgramEntry> programs) {}

    /** A program in every language, as policy staff and forms browse the catalogue. */
    record ProgramEntry(String id, Text name, Text summary, Program.Availability availability, LocalDate effectiveFrom,
                        LocalDate effectiveTo, List<CriterionEntry> criteria, List<AssumptionEntry> assumptions,
                        List<Program.Benefit> benefits, Text howToApply, Program.Source source) {}

    record CriterionEntry(String id, Text text, List<String> fields, List<String> assumptions) {}

    record AssumptionEntry(String id, Text text) {}

}
