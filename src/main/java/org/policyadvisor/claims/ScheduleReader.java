package org.policyadvisor.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.TextLocator;

/**
 * Reads the claim schedules a ruleset declares: a type with {@code @claimSchedule("id")}, the types that name it
 * ({@code @party}, {@code @items}, {@code @perItemType}, {@code @rateOf}) in the same file, and its texts from
 * {@code <id>.yaml}. Every problem is collected, located at its declaration.
 */
final class ScheduleReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<Class<?>> INPUT_TYPES = Set.of(String.class, LocalDate.class, Boolean.class, Integer.class, Long.class);
    private static final Set<String> ENGINE_FIELDS = Set.of(ClaimSchedule.INDEX, ClaimSchedule.SEQ);

    private final Ruleset ruleset;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<FactType> types = new ArrayList<>();

    ScheduleReader(Ruleset ruleset) {
        this.ruleset = ruleset;
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) types.addAll(pkg.getFactTypes());
    }

    List<RuleProblem> problems() {
        return problems;
    }

    List<ClaimSchedule> read() {
        List<ClaimSchedule> schedules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (FactType type : typesWith("claimSchedule", null)) {
            ClaimSchedule schedule = schedule(type);
            if (schedule == null) continue;
            if (!ids.add(schedule.id())) problem(type, "the claim schedule '" + schedule.id() + "' is declared more than once");
            else schedules.add(schedule);
        }
        return List.copyOf(schedules);
    }

    private ClaimSchedule schedule(FactType type) {
        int before = problems.size();
        String id = meta(type, "claimSchedule");
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) problem(type, "@claimSchedule needs an id in lower-case words joined by hyphens, such as \"training-allowance\"");
        String claimant = required(type, "claimant");
        String program = required(type, "claimantProgram");
        String currency = required(type, "currency");
        if (program != null && ruleset.catalogue().programs().stream().noneMatch(p -> p.id().equals(program))) {
            problem(type, "@claimantProgram names '" + program + "', which is not a declared program");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) problem(type, "@currency must be a three-letter currency code such as HKD");
        String path = meta(type, "path");
        if (path != null && !path.matches("/api/v1/[a-z0-9]+(-[a-z0-9]+)*")) problem(type, "@path must look like /api/v1/some-name");
        String page = meta(type, "page");
        if (page != null && !page.matches("[a-z0-9]+(-[a-z0-9]+)*")) problem(type, "@page must be a name in lower-case words joined by hyphens, such as \"training\"");
        checkEngineField(type, ClaimSchedule.AS_OF, LocalDate.class);
        checkEngineField(type, ClaimSchedule.CLAIMANT_ELIGIBLE, boolean.class);
        checkEngineField(type, ClaimSchedule.IN_FORCE_FROM, LocalDate.class);

        String file = fileOf(type);
        List<ClaimSchedule.Group> parties = typesWith("party", file).stream().map(t -> group(t, "party")).toList();
        List<FactType> itemTypes = typesWith("items", file);
        if (itemTypes.size() != 1) problem(type, "a claim schedule needs exactly one type with @items(\"…\") in its file; found " + itemTypes.size());
        ClaimSchedule.Group items = itemTypes.isEmpty() ? null : group(itemTypes.get(0), "items");
        List<ClaimSchedule.PerType> perType = typesWith("perItemType", file).stream().map(t -> perType(t, parties)).toList();
        List<FactType> rates = typesWith("rateOf", file);
        rates.stream().filter(r -> !meta(r, "rateOf").equals(id)).forEach(r -> problem(r, "@rateOf names '" + meta(r, "rateOf") + "'; this file's schedule is '" + id + "'"));
        if (items != null) checkItems(items, parties);
        ClaimSchedule.ScheduleTexts texts = id == null ? null : texts(type, id, parties, items);
        if (problems.size() > before) return null;
        return new ClaimSchedule(id, path, page, claimant, program, currency, type, rates, parties, perType, items, texts);
    }

    private ClaimSchedule.Group group(FactType type, String key) {
        String name = meta(type, key);
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) problem(type, "@" + key + " needs the name of its list in the claim, such as \"" + (key.equals("items") ? "items" : "participants") + "\"");
        String orderBy = meta(type, "inOrderOf");
        List<ClaimSchedule.Field> fields = new ArrayList<>();
        for (FactField field : type.getFields()) fields.add(field(type, field));
        if (orderBy != null && fields.stream().noneMatch(f -> f.name().equals(orderBy) && f.input())) {
            problem(type, "@inOrderOf names '" + orderBy + "', which is not a field the claim gives");
        }
        for (String engine : ENGINE_FIELDS) checkEngineField(type, engine, int.class);
        return new ClaimSchedule.Group(name, type, orderBy, List.copyOf(fields));
    }

    private ClaimSchedule.Field field(FactType type, FactField field) {
        Map<String, Object> meta = field.getMetaData() == null ? Map.of() : field.getMetaData();
        boolean required = meta.containsKey("required");
        List<String> forTypes = list(meta.get("forTypes"));
        boolean input = required || meta.containsKey("optional") || !forTypes.isEmpty();
        if (input && !INPUT_TYPES.contains(field.getType())) {
            problem(type, type.getSimpleName() + "." + field.getName() + " is given by the claim, so its type must be String, LocalDate, Boolean, Integer or Long");
        }
        if (!input && !ENGINE_FIELDS.contains(field.getName()) && !field.getType().isPrimitive() && !field.getType().equals(String.class)
                && !field.getType().equals(LocalDate.class)) {
            problem(type, type.getSimpleName() + "." + field.getName() + " is neither given by the claim (@required, @optional, @forTypes) nor a plain value");
        }
        Integer min = null;
        String minText = string(meta.get("min"));
        if (minText != null) {
            try {
                min = Integer.valueOf(minText);
            } catch (NumberFormatException e) {
                problem(type, "@min of " + type.getSimpleName() + "." + field.getName() + " must be a whole number");
            }
        }
        String party = string(meta.get("party"));
        if (meta.containsKey("party") && party == null) problem(type, "@party on a field names the declared type of the party, such as @party(\"Participant\")");
        return new ClaimSchedule.Field(field.getName(), field.getType(), input, required, list(meta.get("values")), min, forTypes, party,
                meta.containsKey("answer"));
    }

    private void checkItems(ClaimSchedule.Group items, List<ClaimSchedule.Group> parties) {
        ClaimSchedule.Field type = items.field(ClaimSchedule.TYPE);
        if (type == null || !type.required() || type.values().isEmpty()) {
            problem(items.type(), items.type().getSimpleName() + " needs `" + ClaimSchedule.TYPE + " : String @required @values(\"A, B\")`: the item types");
            return;
        }
        for (ClaimSchedule.Field field : items.fields()) {
            field.forTypes().stream().filter(t -> !type.values().contains(t)).forEach(t ->
                    problem(items.type(), "@forTypes of " + field.name() + " names '" + t + "', which is not one of the item types " + type.values()));
            if (field.party() != null && parties.stream().noneMatch(p -> p.type().getSimpleName().equals(field.party()))) {
                problem(items.type(), "@party of " + field.name() + " names '" + field.party() + "', which is not a type with @party in this file");
            }
        }
        parties.forEach(p -> {
            ClaimSchedule.Field id = p.field(ClaimSchedule.ID);
            if (id == null || !id.required() || id.javaType() != String.class) problem(p.type(), p.type().getSimpleName() + " needs `id : String @required`");
        });
    }

    private ClaimSchedule.PerType perType(FactType type, List<ClaimSchedule.Group> parties) {
        String[] target = String.valueOf(meta(type, "perItemType")).split("\\.");
        if (target.length != 2 || parties.stream().noneMatch(p -> p.type().getSimpleName().equals(target[0]))) {
            problem(type, "@perItemType needs a party type and the name of its field, such as \"Participant.previouslyPaid\"");
            return new ClaimSchedule.PerType(type, null, null);
        }
        List<? extends FactField> fields = type.getFields();
        if (fields.size() != 3 || fields.get(0).getType() != String.class || fields.get(1).getType() != String.class
                || !(fields.get(2).getType() == long.class || fields.get(2).getType() == Long.class)) {
            problem(type, type.getSimpleName() + " needs three fields: the party's id (String), the item type (String) and the amount (long)");
        }
        return new ClaimSchedule.PerType(type, target[0], target[1]);
    }

    private ClaimSchedule.ScheduleTexts texts(FactType type, String id, List<ClaimSchedule.Group> parties, ClaimSchedule.Group items) {
        String name = id + ".yaml";
        RuleFile file = ruleset.files().stream().filter(f -> f.fileName().equals(name)).findFirst().orElse(null);
        if (file == null) {
            problem(type, "the claim schedule '" + id + "' needs its texts in " + name + " beside its rules");
            return null;
        }
        try {
            ClaimSchedule.ScheduleTexts texts = YAML.readValue(file.content(), ClaimSchedule.ScheduleTexts.class);
            if (texts == null || texts.name() == null || texts.intro() == null || texts.claimant() == null || texts.theClaimant() == null
                    || texts.eligible() == null || texts.notEligible() == null || texts.parties() == null || texts.fields() == null
                    || texts.values() == null || texts.reasons() == null) {
                problems.add(RuleProblem.in(file.path(), "needs name, intro, claimant, theClaimant, eligible, notEligible, parties, fields, values and reasons"));
                return null;
            }
            if (texts.caps() != null) texts.caps().forEach((cap, text) -> {
                if (text.text() == null || rate(text.from()) == null || rate(text.from()).getField("cap") == null) {
                    problems.add(RuleProblem.in(file.path(), "caps: " + cap + " needs `text:` and `from:` naming a type with @rateOf and a cap"));
                }
            });
            parties.forEach(p -> {
                if (!texts.parties().containsKey(p.key())) problems.add(RuleProblem.in(file.path(), "parties: needs the texts of '" + p.key() + "'"));
                p.inputs().forEach(f -> labelled(file, texts, f.name()));
            });
            if (items != null) {
                items.inputs().forEach(f -> labelled(file, texts, f.name()));
                items.field(ClaimSchedule.TYPE).values().forEach(v -> {
                    if (!texts.values().containsKey(v)) problems.add(RuleProblem.in(file.path(), "values: needs the label of the item type " + v));
                });
            }
            return texts;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.add(new RuleProblem(file.path(), at == null ? null : at.getLineNr(), at == null ? null : at.getColumnNr(), e.getOriginalMessage()));
            return null;
        } catch (java.io.IOException e) {
            problems.add(RuleProblem.in(file.path(), "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private FactType rate(String name) {
        return typesWith("rateOf", null).stream().filter(t -> t.getSimpleName().equals(name)).findFirst().orElse(null);
    }

    private void labelled(RuleFile file, ClaimSchedule.ScheduleTexts texts, String field) {
        if (!texts.fields().containsKey(field)) problems.add(RuleProblem.in(file.path(), "fields: needs the label of '" + field + "'"));
    }

    private void checkEngineField(FactType type, String name, Class<?> javaType) {
        FactField field = type.getField(name);
        if (field != null && field.getType() != javaType) {
            problem(type, type.getSimpleName() + "." + name + " is set by the engine and must be " + javaType.getSimpleName());
        }
    }

    private String required(FactType type, String key) {
        String value = meta(type, key);
        if (value == null || value.isBlank()) problem(type, "a claim schedule needs @" + key + "(\"…\")");
        return value;
    }

    /** Types with the metadata {@code key}, declared in {@code file} (any file when null). */
    private List<FactType> typesWith(String key, String file) {
        return types.stream()
                .filter(t -> t.getMetaData() != null && t.getMetaData().containsKey(key))
                .filter(t -> file == null || file.equals(fileOf(t)))
                .toList();
    }

    /** The DRL file that declares a type (the engine's own metadata does not say). */
    private String fileOf(FactType type) {
        RuleFile file = declaring(type);
        return file == null ? null : file.path();
    }

    private RuleFile declaring(FactType type) {
        String needle = "declare " + type.getSimpleName();
        for (RuleFile file : ruleset.files()) {
            if (!file.isDrl()) continue;
            for (String line : file.text().split("\n")) {
                if (line.strip().equals(needle) || line.strip().startsWith(needle + " ")) return file;
            }
        }
        return null;
    }

    private void problem(FactType type, String message) {
        RuleFile file = declaring(type);
        if (file == null) {
            problems.add(RuleProblem.in(null, message));
            return;
        }
        String text = file.text();
        int at = text.indexOf("declare " + type.getSimpleName());
        problems.add(at >= 0 ? TextLocator.at(file, text, at, message) : RuleProblem.in(file.path(), message));
    }

    static String meta(FactType type, String key) {
        return type.getMetaData() == null ? null : string(type.getMetaData().get(key));
    }

    /** Metadata values of declared types keep their quotes. */
    static String string(Object value) {
        if (value == null) return null;
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1).strip();
        return text.isEmpty() ? null : text;
    }

    static List<String> list(Object value) {
        String text = string(value);
        if (text == null) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
