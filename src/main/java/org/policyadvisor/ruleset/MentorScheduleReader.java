package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.MentorSchedule;
import org.policyadvisor.catalogue.Program;

/**
 * Reads the mentor subsidy schedule from declared types: the scheme from the one type with {@code @mentorProgram},
 * item types from types with {@code @itemType}. Numbers are the fields' default values, so Drools has already
 * checked that they are numbers; this checks that they make sense together.
 */
final class MentorScheduleReader {

    static final String RATE = "rate";
    static final String CAP = "capPerMentee";
    static final String PART_MONTHS = "afterInsuredMonths";
    static final String MAX_MENTEES = "maxConcurrentMentees";
    static final String TERM_MONTHS = "termMonths";

    /** Where a problem is reported: the first line of a DRL file that contains {@code needle}. */
    interface Problems {
        void add(String needle, String message);
    }

    private final KieBase kieBase;
    private final Problems problems;
    private int count;

    MentorScheduleReader(KieBase kieBase, Problems problems) {
        this.kieBase = kieBase;
        this.problems = problems;
    }

    /** The schedule, or null when the rules declare none (or it has problems, which are reported). */
    MentorSchedule read(List<Program> programs) {
        List<FactType> schemes = typesWith("mentorProgram");
        List<FactType> itemTypes = typesWith("itemType");
        if (schemes.isEmpty()) {
            if (!itemTypes.isEmpty()) problems.add("@itemType", "item types need a scheme: declare one type with @mentorProgram(\"…\")");
            return null;
        }
        if (schemes.size() > 1) {
            problems.add("@mentorProgram", "the mentor subsidy scheme is declared " + schemes.size() + " times; declare it once");
            return null;
        }
        FactType scheme = schemes.get(0);
        String where = "declare " + scheme.getSimpleName();
        String program = CatalogueReader.string(scheme.getMetaData().get("mentorProgram"));
        if (programs.stream().noneMatch(p -> p.id().equals(program))) {
            problems.add("@mentorProgram", "@mentorProgram names '" + program + "', which is not a declared program");
        }
        Object defaults = defaults(scheme);
        Long maxMentees = positive(scheme, defaults, MAX_MENTEES, where);
        Long termMonths = positive(scheme, defaults, TERM_MONTHS, where);
        scheme.getFields().stream().map(FactField::getName).filter(f -> !f.equals(MAX_MENTEES) && !f.equals(TERM_MONTHS))
                .forEach(f -> report(where, scheme.getSimpleName() + "." + f + " is not part of the scheme: it has only "
                        + MAX_MENTEES + " and " + TERM_MONTHS));
        List<MentorSchedule.ItemType> items = new ArrayList<>();
        for (FactType type : itemTypes) {
            MentorSchedule.ItemType item = itemType(type);
            if (item == null) continue;
            if (items.stream().anyMatch(i -> i.name().equals(item.name()))) {
                problems.add("@itemType(\"" + item.name() + "\")", "item type " + item.name() + " is declared more than once");
            } else {
                items.add(item);
            }
        }
        if (itemTypes.isEmpty()) problems.add(where, "the mentor subsidy scheme needs at least one type with @itemType(\"…\")");
        if (maxMentees == null || termMonths == null || items.size() != itemTypes.size()) return null;
        items.sort(Comparator.comparing(MentorSchedule.ItemType::name));
        return new MentorSchedule(program, maxMentees.intValue(), termMonths.intValue(), List.copyOf(items));
    }

    private MentorSchedule.ItemType itemType(FactType type) {
        String name = CatalogueReader.string(type.getMetaData().get("itemType"));
        String where = "declare " + type.getSimpleName();
        int before = count;
        if (name == null || !name.matches("[A-Z][A-Z0-9_]*")) {
            report(where, "@itemType of " + type.getSimpleName() + " must be a name in capitals, such as CAREER_GUIDANCE");
        }
        MentorSchedule.Mentee mentee = mentee(type, where);
        Object defaults = defaults(type);
        Long rate = null;
        Long cap = null;
        List<MentorSchedule.Part> parts = new ArrayList<>();
        for (FactField field : type.getFields()) {
            Object months = field.getMetaData() == null ? null : field.getMetaData().get(PART_MONTHS);
            if (field.getName().equals(RATE)) {
                rate = positive(type, defaults, RATE, where);
            } else if (field.getName().equals(CAP)) {
                cap = positive(type, defaults, CAP, where);
            } else if (months != null) {
                Long amount = positive(type, defaults, field.getName(), where);
                Integer after = wholeNumber(CatalogueReader.string(months));
                if (after == null || after < 1) report(where, "@" + PART_MONTHS + " of " + field.getName() + " must be a whole number of months, 1 or more");
                if (amount != null && after != null) parts.add(new MentorSchedule.Part(field.getName(), amount, after));
            } else {
                report(where, type.getSimpleName() + "." + field.getName() + " is not part of an item type: use " + RATE + ", "
                        + CAP + ", or a part with @" + PART_MONTHS + "(…)");
            }
        }
        boolean hasParts = type.getFields().stream().anyMatch(f -> f.getMetaData() != null && f.getMetaData().containsKey(PART_MONTHS));
        boolean hasRate = type.getField(RATE) != null;
        if (hasRate == hasParts) report(where, type.getSimpleName() + " needs either a " + RATE + " or parts with @" + PART_MONTHS + "(…), not both");
        if (mentee == MentorSchedule.Mentee.NONE && (hasParts || cap != null)) {
            report(where, type.getSimpleName() + " is not for a mentee (@mentee(\"NONE\")), so it cannot have a cap or parts per mentee");
        }
        if (count > before) return null;
        parts.sort(Comparator.comparingInt(MentorSchedule.Part::afterInsuredMonths));
        return new MentorSchedule.ItemType(name, mentee, rate, cap, List.copyOf(parts));
    }

    private MentorSchedule.Mentee mentee(FactType type, String where) {
        String value = CatalogueReader.string(type.getMetaData().get("mentee"));
        try {
            return MentorSchedule.Mentee.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            report(where, type.getSimpleName() + " needs @mentee(\"EMPLOYED\"), @mentee(\"NOT_EMPLOYED\") or @mentee(\"NONE\")");
            return null;
        }
    }

    /** The default value of a whole-number field, which must be 1 or more. */
    private Long positive(FactType type, Object defaults, String field, String where) {
        FactField declared = type.getField(field);
        if (declared == null) {
            report(where, type.getSimpleName() + " needs `" + field + " : int = …`");
            return null;
        }
        Object value = type.get(defaults, field);
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1) {
            report(where, type.getSimpleName() + "." + field + " must be `int` with a value of 1 or more, such as `" + field + " : int = 1000`");
            return null;
        }
        return ((Number) value).longValue();
    }

    private void report(String needle, String message) {
        count++;
        problems.add(needle, message);
    }

    private List<FactType> typesWith(String key) {
        List<FactType> types = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                Map<String, Object> meta = type.getMetaData();
                if (meta != null && meta.containsKey(key)) types.add(type);
            }
        }
        return types;
    }

    private static Object defaults(FactType type) {
        try {
            return type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer wholeNumber(String text) {
        return text != null && text.matches("\\d{1,4}") ? Integer.valueOf(text) : null;
    }
}
