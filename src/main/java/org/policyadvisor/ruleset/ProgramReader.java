package org.policyadvisor.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
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
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Assumption;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.catalogue.Unit;

/**
 * The programs: each metadata-only declared type with {@code @program}, and its description file named after it
 * ({@code <id>.yaml}: name, summary, benefits, how to apply, source, its own criteria's texts).
 */
final class ProgramReader {

    record ProgramText(int order, Text name, Text summary, List<Benefits.BenefitText> benefits, Text howToApply,
                       Program.Source source, Map<String, CriterionReader.CriterionText> criteria, List<String> assumptions) {}

    private final CatalogueFiles files;
    private final KieBase kieBase;
    private final Map<String, ProgramText> texts = new LinkedHashMap<>();

    ProgramReader(CatalogueFiles files, KieBase kieBase) {
        this.files = files;
        this.kieBase = kieBase;
    }

    /** Parses each program's description once; a program's YAML is the file named after it. */
    void readTexts() {
        Set<String> ids = new LinkedHashSet<>();
        programTypes().forEach(type -> ids.add(Metadata.string(type.getMetaData().get("program"))));
        for (RuleFile file : files.all()) {
            String id = programIdOf(file);
            if (id == null || !ids.contains(id)) continue;
            if (texts.containsKey(id)) {
                files.problem(file.path(), null, "program '" + id + "' has more than one description file named " + id + ".yaml");
                continue;
            }
            ProgramText text = files.parse(file, new TypeReference<ProgramText>() {});
            if (text != null) checkRequired(file, text);
            if (text != null) texts.put(id, text);
        }
    }

    /** The criterion texts in {@code file} when it is a program's description; null for any other file. */
    Map<String, CriterionReader.CriterionText> criterionTexts(RuleFile file) {
        ProgramText text = texts.get(programIdOf(file));
        return text == null ? null : text.criteria();
    }

    /** Every program in catalogue order; {@link #readTexts()} first. */
    List<Program> read(Map<String, Criterion> criteria, Map<String, Unit> units, Map<String, Assumption> knownAssumptions) {
        List<Program> programs = new ArrayList<>();
        Benefits benefits = new Benefits(kieBase, units);
        for (FactType type : programTypes()) {
            Program program = program(type, criteria, benefits, knownAssumptions);
            if (program != null) programs.add(program);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        programs.forEach(p -> counts.merge(p.id(), 1L, Long::sum));
        counts.forEach((id, n) -> {
            if (n > 1) files.problem(null, "@program(\"" + id + "\")", "program '" + id + "' is declared " + n + " times");
        });
        programs.sort(Comparator.comparingInt(Program::order).thenComparing(Program::id));
        return List.copyOf(programs);
    }

    private List<FactType> programTypes() {
        return Metadata.typesWith(kieBase, "program");
    }

    private void checkRequired(RuleFile file, ProgramText text) {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("name", text.name());
        required.put("summary", text.summary());
        required.put("howToApply", text.howToApply());
        required.put("source", text.source());
        required.forEach((key, value) -> {
            if (value == null) files.problem(file.path(), null, "the program description needs `" + key + ":`");
        });
    }

    private static String programIdOf(RuleFile file) {
        String name = file.fileName();
        return name.endsWith(".yaml") && name.indexOf('.') == name.length() - 5 ? name.substring(0, name.length() - 5) : null;
    }

    private Program program(FactType type, Map<String, Criterion> criteria, Benefits benefitReader, Map<String, Assumption> knownAssumptions) {
        Map<String, Object> meta = type.getMetaData();
        String id = Metadata.string(meta.get("program"));
        String where = "@program(\"" + id + "\")";
        ProgramText text = texts.get(id);
        if (text == null && files.all().stream().noneMatch(f -> id.equals(programIdOf(f)))) {
            files.problem(null, where, "program '" + id + "' needs a description file named " + id + ".yaml");
        }
        List<String> criterionIds = Metadata.list(meta.get("criteria"));
        if (criterionIds.isEmpty()) files.problem(null, where, "program '" + id + "' needs @criteria(\"…\")");
        criterionIds.stream().filter(c -> !criteria.containsKey(c) || c.equals(Criterion.PROGRAM_IN_EFFECT))
                .forEach(c -> files.problem(null, where, "program '" + id + "' lists criterion '" + c + "', which no rule decides"
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
                    .forEach(a -> files.problem(id + ".yaml", "assumptions:", "program '" + id + "' relies on assumption " + a + ", which assumptions.yaml does not define"));
            assumptions.addAll(text.assumptions());
        }
        List<Program.Benefit> benefits = new ArrayList<>();
        List<Benefits.BenefitText> written = text.benefits() == null ? List.of() : text.benefits();
        for (int i = 0; i < written.size(); i++) {
            Program.Benefit benefit = benefitReader.resolve(written.get(i), "benefit " + (i + 1) + " of program '" + id + "'",
                    message -> files.problem(id + ".yaml", "benefits:", message));
            if (benefit != null) benefits.add(benefit);
        }
        return new Program(id, text.order(), text.name(), text.summary(), List.copyOf(allCriteria), availability, from, to,
                List.copyOf(benefits), text.howToApply(), text.source(), List.copyOf(assumptions));
    }

    private Program.Availability availability(Object value, String where) {
        String name = Metadata.string(value);
        try {
            return Program.Availability.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            files.problem(null, where, "@availability must be one of " + Arrays.toString(Program.Availability.values()) + "; found " + name);
            return null;
        }
    }

    private LocalDate date(Object value, String where, String key, boolean required) {
        String text = Metadata.string(value);
        if (text == null) {
            if (required) files.problem(null, where, "@" + key + "(\"YYYY-MM-DD\") is required");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            files.problem(null, where, "@" + key + " must be a date YYYY-MM-DD; found " + text);
            return null;
        }
    }
}
