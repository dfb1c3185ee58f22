package org.policyadvisor.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.factmodel.FieldDefinition;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Assumption;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Condition;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.QuestionType;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.catalogue.Unit;

/**
 * Reads the catalogue a ruleset declares: questions from {@code declare Applicant}, programs from metadata-only
 * declared types, conditions from rule metadata, and their texts from the YAML beside them. Collects every
 * problem rather than stopping at the first, so policy staff can fix a change in one go.
 */
final class CatalogueReader {

    static final String APPLICANT = "Applicant";
    static final String APPLICANT_TEXTS = "applicant.yaml";
    static final String ASSUMPTIONS = "assumptions.yaml";
    static final String CRITERIA_TEXTS = "criteria.yaml";
    static final String UNITS = "units.yaml";

    static final ObjectMapper YAML = YamlFiles.YAML;

    private final List<RuleFile> files;
    private final KieBase kieBase;
    private final FactType applicantType;
    private final LanguageCheck.Result language;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<String, ProgramText> programTexts = new LinkedHashMap<>();
    private Map<String, Assumption> knownAssumptions = Map.of();

    CatalogueReader(List<RuleFile> files, KieBase kieBase, FactType applicantType, LanguageCheck.Result language) {
        this.files = files;
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
        readProgramTexts();
        Map<String, Assumption> assumptions = readAssumptions();
        knownAssumptions = assumptions;
        List<Question> questions = readQuestions();
        // Everything else refers to the questions: report a broken applicant file alone, not its echoes.
        if (!problems.isEmpty()) throw new RulesetRejected(problems);
        Map<String, Question> questionsByField = new LinkedHashMap<>();
        questions.forEach(q -> questionsByField.put(q.field(), q));
        Map<String, Criterion> criteria = readCriteria(questionsByField, assumptions);
        Map<String, Unit> units = readUnits();
        List<Program> programs = readPrograms(criteria, units);
        if (!problems.isEmpty()) throw new RulesetRejected(problems);
        return new Catalogue(List.copyOf(questions), Map.copyOf(questionsByField), Map.copyOf(criteria),
                Map.copyOf(assumptions), programs, units == null ? Map.of() : Map.copyOf(units));
    }

    private List<Question> readQuestions() {
        Map<String, QuestionReader.QuestionTexts> texts = readYaml(APPLICANT_TEXTS,
                new TypeReference<LinkedHashMap<String, QuestionReader.QuestionTexts>>() {});
        return texts == null ? List.of() : new QuestionReader(applicantType, texts, this::problem).read();
    }

    // ---- assumptions and criteria ----------------------------------------------------------------------------

    private Map<String, Assumption> readAssumptions() {
        Map<String, AssumptionText> texts = readYaml(ASSUMPTIONS, new TypeReference<LinkedHashMap<String, AssumptionText>>() {});
        Map<String, Assumption> assumptions = new LinkedHashMap<>();
        if (texts != null) texts.forEach((id, text) -> assumptions.put(id, new Assumption(id, text.text())));
        return assumptions;
    }

    private Map<String, Criterion> readCriteria(Map<String, Question> questions, Map<String, Assumption> assumptions) {
        Map<String, CriterionText> texts = criterionTexts();
        Map<String, List<Rule>> rulesByCriterion = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String criterion = string(rule.getMetaData().get("criterion"));
                if (criterion == null && language.computing().contains(rule.getName())) {
                    continue; // it computes results (inserts or modifies facts); it decides no criterion
                } else if (criterion == null) {
                    problem(null, "rule \"" + rule.getName() + "\"", "rule \"" + rule.getName() + "\" has no @criterion(\"…\"); a rule either decides a condition of a criterion or inserts or modifies facts");
                } else {
                    rulesByCriterion.computeIfAbsent(criterion, id -> new ArrayList<>()).add(rule);
                }
            }
        }
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        rulesByCriterion.forEach((id, rules) -> {
            CriterionText text = texts.get(id);
            if (text == null) {
                problem(null, "@criterion(\"" + id + "\")", "criterion '" + id + "' has no text; add it to common/criteria.yaml or to its program's YAML under criteria:");
                return;
            }
            criteria.put(id, criterion(id, text, rules, questions));
        });
        CriterionText inEffect = texts.get(Criterion.PROGRAM_IN_EFFECT);
        if (inEffect == null) {
            problem(CRITERIA_TEXTS, null, "the built-in criterion '" + Criterion.PROGRAM_IN_EFFECT + "' needs a text");
        } else {
            criteria.put(Criterion.PROGRAM_IN_EFFECT, new Criterion(Criterion.PROGRAM_IN_EFFECT, inEffect.text(),
                    inEffect.assumptionIds(), List.of(), false, List.of()));
        }
        texts.keySet().stream()
                .filter(id -> !criteria.containsKey(id) && !rulesByCriterion.containsKey(id))
                .forEach(id -> problem(CRITERIA_TEXTS, id + ":", "criterion '" + id + "' has a text but no rule with @criterion(\"" + id + "\")"));
        criteria.values().forEach(c -> c.assumptions().stream().filter(a -> !assumptions.containsKey(a))
                .forEach(a -> problem(CRITERIA_TEXTS, c.id() + ":", "criterion '" + c.id() + "' relies on assumption " + a + ", which assumptions.yaml does not define")));
        return criteria;
    }

    private Criterion criterion(String id, CriterionText text, List<Rule> rules, Map<String, Question> questions) {
        Set<String> combines = new LinkedHashSet<>();
        List<Condition> conditions = new ArrayList<>();
        for (Rule rule : rules) {
            String where = "rule \"" + rule.getName() + "\"";
            combines.add(string(rule.getMetaData().getOrDefault("combine", "all")));
            if (rule.getMetaData().containsKey("fields")) {
                problem(null, where, where + " has @fields, which is no longer written: the questions a rule reads are worked out from its conditions; remove it");
            }
            // Read from the parsed conditions: a condition is unknown while any question it reads is unanswered.
            List<String> fields = List.copyOf(language.fieldsRead(rule.getName(), APPLICANT));
            conditions.add(new Condition(rule.getPackageName() + "/" + rule.getName(), rule.getName(), fields));
        }
        if (combines.size() > 1 || !(combines.contains("all") || combines.contains("any"))) {
            problem(null, "@criterion(\"" + id + "\")", "the rules of criterion '" + id + "' must all say @combine(\"any\") or none of them; found " + combines);
        }
        List<String> fields = questions.keySet().stream()
                .filter(f -> conditions.stream().anyMatch(c -> c.fields().contains(f)))
                .toList();
        return new Criterion(id, text.text(), text.assumptionIds(), List.copyOf(conditions), combines.contains("any"), fields);
    }

    private Map<String, CriterionText> criterionTexts() {
        Map<String, CriterionText> texts = new LinkedHashMap<>();
        for (RuleFile file : files) {
            Map<String, CriterionText> found = null;
            if (file.fileName().equals(CRITERIA_TEXTS)) {
                found = parse(file, new TypeReference<LinkedHashMap<String, CriterionText>>() {});
            } else if (programTexts.containsKey(programIdOf(file))) {
                found = programTexts.get(programIdOf(file)).criteria();
            }
            if (found == null) continue;
            found.forEach((id, text) -> {
                if (texts.putIfAbsent(id, text) != null) problem(file.path(), id + ":", "criterion '" + id + "' has a text in more than one file");
            });
        }
        return texts;
    }

    // ---- programs --------------------------------------------------------------------------------------------

    private List<FactType> programTypes() {
        List<FactType> types = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                if (type.getMetaData() != null && type.getMetaData().containsKey("program")) types.add(type);
            }
        }
        return types;
    }

    /** Parses each program's description once; a program's YAML is the file named after it. */
    private void readProgramTexts() {
        Set<String> ids = new LinkedHashSet<>();
        programTypes().forEach(type -> ids.add(string(type.getMetaData().get("program"))));
        for (RuleFile file : files) {
            String id = programIdOf(file);
            if (id == null || !ids.contains(id)) continue;
            if (programTexts.containsKey(id)) {
                problem(file.path(), null, "program '" + id + "' has more than one description file named " + id + ".yaml");
                continue;
            }
            ProgramText text = parse(file, new TypeReference<ProgramText>() {});
            if (text != null) checkRequired(file, text);
            if (text != null) programTexts.put(id, text);
        }
    }

    private void checkRequired(RuleFile file, ProgramText text) {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("name", text.name());
        required.put("summary", text.summary());
        required.put("howToApply", text.howToApply());
        required.put("source", text.source());
        required.forEach((key, value) -> {
            if (value == null) problem(file.path(), null, "the program description needs `" + key + ":`");
        });
    }

    private static String programIdOf(RuleFile file) {
        String name = file.fileName();
        return name.endsWith(".yaml") && name.indexOf('.') == name.length() - 5 ? name.substring(0, name.length() - 5) : null;
    }

    /**
     * The units a benefit's amount can be given in, with their labels: an open set, in units.yaml. Rules without
     * that file give no labels and any unit is taken as written.
     */
    private Map<String, Unit> readUnits() {
        if (files.stream().noneMatch(f -> f.path().equals(UNITS))) return null;
        Map<String, Unit> units = readYaml(UNITS, new TypeReference<LinkedHashMap<String, Unit>>() {});
        if (units != null) units.forEach((id, unit) -> {
            if (unit == null || unit.label() == null) problem(UNITS, id + ":", "the unit " + id + " needs `label:` in all three languages");
        });
        return units == null ? Map.of() : units;
    }

    private List<Program> readPrograms(Map<String, Criterion> criteria, Map<String, Unit> units) {
        List<Program> programs = new ArrayList<>();
        Benefits benefits = new Benefits(kieBase, units);
        for (FactType type : programTypes()) {
            Program program = program(type, criteria, benefits);
            if (program != null) programs.add(program);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        programs.forEach(p -> counts.merge(p.id(), 1L, Long::sum));
        counts.forEach((id, n) -> {
            if (n > 1) problem(null, "@program(\"" + id + "\")", "program '" + id + "' is declared " + n + " times");
        });
        programs.sort(Comparator.comparingInt(Program::order).thenComparing(Program::id));
        return List.copyOf(programs);
    }

    private Program program(FactType type, Map<String, Criterion> criteria, Benefits benefitReader) {
        Map<String, Object> meta = type.getMetaData();
        String id = string(meta.get("program"));
        String where = "@program(\"" + id + "\")";
        ProgramText text = programTexts.get(id);
        if (text == null && files.stream().noneMatch(f -> id.equals(programIdOf(f)))) {
            problem(null, where, "program '" + id + "' needs a description file named " + id + ".yaml");
        }
        List<String> criterionIds = list(meta.get("criteria"));
        if (criterionIds.isEmpty()) problem(null, where, "program '" + id + "' needs @criteria(\"…\")");
        criterionIds.stream().filter(c -> !criteria.containsKey(c) || c.equals(Criterion.PROGRAM_IN_EFFECT))
                .forEach(c -> problem(null, where, "program '" + id + "' lists criterion '" + c + "', which no rule decides"
                        + Suggestions.didYouMean(c, criteria.keySet())));
        Program.Availability availability = availability(meta.get("availability"), where);
        LocalDate from = date(meta.get("effectiveFrom"), where, "effectiveFrom", true);
        LocalDate to = date(meta.get("effectiveTo"), where, "effectiveTo", false);
        if (text == null || availability == null || from == null) return null;

        List<String> allCriteria = new ArrayList<>(criterionIds);
        allCriteria.add(Criterion.PROGRAM_IN_EFFECT);
        Set<String> assumptions = new LinkedHashSet<>();
        allCriteria.stream().map(criteria::get).filter(c -> c != null).forEach(c -> assumptions.addAll(c.assumptions()));
        if (text.assumptions() != null) { // the program's own, such as one about an amount
            text.assumptions().stream().filter(a -> !knownAssumptions.containsKey(a))
                    .forEach(a -> problem(id + ".yaml", "assumptions:", "program '" + id + "' relies on assumption " + a + ", which assumptions.yaml does not define"));
            assumptions.addAll(text.assumptions());
        }
        List<Program.Benefit> benefits = new ArrayList<>();
        List<Benefits.BenefitText> written = text.benefits() == null ? List.of() : text.benefits();
        for (int i = 0; i < written.size(); i++) {
            Program.Benefit benefit = benefitReader.resolve(written.get(i), "benefit " + (i + 1) + " of program '" + id + "'",
                    message -> problem(id + ".yaml", "benefits:", message));
            if (benefit != null) benefits.add(benefit);
        }
        return new Program(id, text.order(), text.name(), text.summary(), List.copyOf(allCriteria), availability, from, to,
                List.copyOf(benefits), text.howToApply(), text.source(), List.copyOf(assumptions));
    }

    private Program.Availability availability(Object value, String where) {
        String name = string(value);
        try {
            return Program.Availability.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(null, where, "@availability must be one of " + Arrays.toString(Program.Availability.values()) + "; found " + name);
            return null;
        }
    }

    private LocalDate date(Object value, String where, String key, boolean required) {
        String text = string(value);
        if (text == null) {
            if (required) problem(null, where, "@" + key + "(\"YYYY-MM-DD\") is required");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(null, where, "@" + key + " must be a date YYYY-MM-DD; found " + text);
            return null;
        }
    }

    // ---- YAML and metadata helpers ---------------------------------------------------------------------------

    private <T> T readYaml(String fileName, TypeReference<T> type) {
        List<RuleFile> found = files.stream().filter(f -> f.path().equals(fileName)).toList();
        if (found.isEmpty()) {
            problem(fileName, null, "the rules need a file " + fileName);
            return null;
        }
        return parse(found.get(0), type);
    }

    private <T> T parse(RuleFile file, TypeReference<T> type) {
        return YamlFiles.read(file, type, problems::add);
    }

    /** Records a problem at the first line of the named (or any DRL) file that contains {@code needle}. */
    private void problem(String fileName, String needle, String message) {
        problems.add(TextLocator.find(files, fileName, needle, message));
    }

    /** Metadata values of declared types keep their quotes; rule metadata does not. */
    static String string(Object value) {
        if (value == null) return null;
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1).strip();
        return text;
    }

    static List<String> list(Object value) {
        String text = string(value);
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // ---- file formats ----------------------------------------------------------------------------------------

    record AssumptionText(Text text) {}

    record CriterionText(Text text, List<String> assumptions) {
        List<String> assumptionIds() {
            return assumptions == null ? List.of() : List.copyOf(assumptions);
        }
    }

    record ProgramText(int order, Text name, Text summary, List<Benefits.BenefitText> benefits, Text howToApply,
                       Program.Source source, Map<String, CriterionText> criteria, List<String> assumptions) {}
}
