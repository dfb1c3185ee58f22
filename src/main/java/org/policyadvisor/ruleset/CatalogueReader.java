package org.policyadvisor.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Assumption;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.catalogue.Unit;

/**
 * Reads the catalogue a ruleset declares: questions from {@code declare Applicant} ({@link QuestionReader}),
 * criteria from rule metadata ({@link CriterionReader}), programs from metadata-only declared types
 * ({@link ProgramReader}), and their texts from the YAML beside them. Collects every problem rather than stopping at
 * the first, so policy staff can fix a change in one go.
 */
final class CatalogueReader {

    static final String APPLICANT = "Applicant";
    static final String ASSUMPTIONS = "assumptions.yaml";
    static final String UNITS = "units.yaml";

    private final CatalogueFiles files;
    private final KieBase kieBase;
    private final FactType applicantType;
    private final LanguageCheck.Result language;

    CatalogueReader(List<RuleFile> files, KieBase kieBase, FactType applicantType, LanguageCheck.Result language) {
        this.files = new CatalogueFiles(files);
        this.language = language;
        this.kieBase = kieBase;
        this.applicantType = applicantType;
    }

    static FactType applicantType(KieBase kieBase, List<RuleFile> files) {
        List<FactType> found = kieBase.getKiePackages().stream()
                .map(pkg -> kieBase.getFactType(pkg.getName(), APPLICANT))
                .filter(type -> type != null)
                .toList();
        if (found.size() != 1) {
            throw new RulesetRejected(List.of(RuleProblem.in(null,
                    "the questions must be declared once, as `declare " + APPLICANT + "`; found " + found.size())));
        }
        return found.get(0);
    }

    Catalogue read() {
        ProgramReader programReader = new ProgramReader(files, kieBase);
        programReader.readTexts();
        Map<String, Assumption> assumptions = readAssumptions();
        List<Question> questions = readQuestions();
        // Everything else refers to the questions: report a broken applicant file alone, not its echoes.
        if (!files.problems().isEmpty()) throw new RulesetRejected(files.problems());
        Map<String, Question> questionsByField = new LinkedHashMap<>();
        questions.forEach(q -> questionsByField.put(q.field(), q));
        Map<String, Criterion> criteria = new CriterionReader(files, kieBase, language, APPLICANT).read(questionsByField, assumptions, programReader::criterionTexts);
        Map<String, Unit> units = readUnits();
        List<Program> programs = programReader.read(criteria, units, assumptions);
        if (!files.problems().isEmpty()) throw new RulesetRejected(files.problems());
        return new Catalogue(List.copyOf(questions), Map.copyOf(questionsByField), Map.copyOf(criteria),
                Map.copyOf(assumptions), programs, units == null ? Map.of() : Map.copyOf(units));
    }

    private List<Question> readQuestions() {
        Map<String, QuestionReader.QuestionTexts> texts = files.readYaml(QuestionReader.TEXTS,
                new TypeReference<LinkedHashMap<String, QuestionReader.QuestionTexts>>() {});
        return texts == null ? List.of() : new QuestionReader(applicantType, texts, files::problem).read();
    }

    private Map<String, Assumption> readAssumptions() {
        Map<String, AssumptionText> texts = files.readYaml(ASSUMPTIONS, new TypeReference<LinkedHashMap<String, AssumptionText>>() {});
        Map<String, Assumption> assumptions = new LinkedHashMap<>();
        if (texts != null) texts.forEach((id, text) -> assumptions.put(id, new Assumption(id, text.text())));
        return assumptions;
    }

    /**
     * The units a benefit's amount can be given in, with their labels: an open set, in units.yaml. Rules without
     * that file give no labels and any unit is taken as written.
     */
    private Map<String, Unit> readUnits() {
        if (!files.has(UNITS)) return null;
        Map<String, Unit> units = files.readYaml(UNITS, new TypeReference<LinkedHashMap<String, Unit>>() {});
        if (units != null) units.forEach((id, unit) -> {
            if (unit == null || unit.label() == null) files.problem(UNITS, id + ":", "the unit " + id + " needs `label:` in all three languages");
        });
        return units == null ? Map.of() : units;
    }

    record AssumptionText(Text text) {}
}
