package org.policyadvisor.claims;

import static org.policyadvisor.claims.Facts.newFact;
import static org.policyadvisor.claims.Facts.set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InputBounds;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;

/**
 * Binds a claim strictly to its schedule's declared types: unknown fields, wrong types, values not allowed, ids that
 * name no party, fields an item type does not take and dates that don't parse are refused, each with its own
 * pointer, all at once. The claimant is a profile, bound like advice.
 */
public final class ClaimBinder {

    public static final int MAX_ENTRIES = 200;
    static final int MAX_TEXT_LENGTH = 100;
    /** Far above any real amount, so that sums stay exact in a long. */
    static final long MAX_AMOUNT = 1_000_000_000L;

    private ClaimBinder() {}

    /** Throws {@link InvalidInput} listing every bad field. */
    public static BoundClaim fromJson(JsonNode body, ClaimSchedule schedule, Catalogue catalogue) {
        if (body == null || !body.isObject()) throw new InvalidInput(List.of(FieldError.of("", "not-an-object")));
        return new Binding(schedule, catalogue).claim(body);
    }

    private static final class Binding {
        private final ClaimSchedule schedule;
        private final Catalogue catalogue;
        private final List<FieldError> errors = new ArrayList<>();
        /** Every well-formed id per party type, so that an item is not blamed for its party's own errors. */
        private final Map<String, Set<String>> ids = new HashMap<>();
        private final List<Object> amountFacts = new ArrayList<>();

        Binding(ClaimSchedule schedule, Catalogue catalogue) {
            this.schedule = schedule;
            this.catalogue = catalogue;
        }

        BoundClaim claim(JsonNode body) {
            Set<String> top = new LinkedHashSet<>(List.of(ProfileBinder.AS_OF, ProfileBinder.LANG, schedule.claimant(), schedule.items().key()));
            schedule.parties().forEach(p -> top.add(p.key()));
            unknownFields(body, "", top);
            LocalDate asOf = date(body.get(ProfileBinder.AS_OF), "/" + ProfileBinder.AS_OF);
            JsonNode lang = body.get(ProfileBinder.LANG);
            if (present(lang) && !(lang.isTextual() && Lang.parse(lang.textValue()).isPresent())) {
                errors.add(FieldError.of("/" + ProfileBinder.LANG, "not-a-lang"));
            }
            Map<String, Object> claimant = claimant(body.get(schedule.claimant()));
            Map<String, List<Object>> parties = new LinkedHashMap<>();
            for (ClaimSchedule.Group party : schedule.parties()) parties.put(party.key(), list(party, body.get(party.key()), false));
            List<Object> items = list(schedule.items(), body.get(schedule.items().key()), true);
            if (!errors.isEmpty()) throw new InvalidInput(errors);
            parties.forEach((key, facts) -> numberInOrder(schedule.parties().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow(), facts));
            numberInOrder(schedule.items(), items);
            return new BoundClaim(asOf, claimant, parties, items, amountFacts);
        }

        /** The claimant is a profile: the questions of the rules, bound as for advice, with pointers under it. */
        private Map<String, Object> claimant(JsonNode node) {
            String at = "/" + schedule.claimant();
            if (!present(node)) {
                errors.add(FieldError.of(at, "required"));
                return Map.of();
            }
            if (!node.isObject()) {
                errors.add(FieldError.of(at, "not-an-object"));
                return Map.of();
            }
            ObjectNode profile = ((ObjectNode) node).deepCopy();
            for (String claimOnly : List.of(ProfileBinder.AS_OF, ProfileBinder.LANG)) {
                if (profile.remove(claimOnly) != null) errors.add(FieldError.of(at + "/" + claimOnly, "unknown-field"));
            }
            try {
                return ProfileBinder.fromJson(profile, catalogue).answers();
            } catch (InvalidInput e) {
                e.errors().forEach(error -> errors.add(new FieldError(at + error.pointer(), error.code(), error.args())));
                return Map.of();
            }
        }

        private List<Object> list(ClaimSchedule.Group group, JsonNode node, boolean required) {
            List<Object> facts = new ArrayList<>();
            String at = "/" + group.key();
            if (!present(node)) {
                if (required) errors.add(FieldError.of(at, "required"));
                return facts;
            }
            if (!node.isArray()) {
                errors.add(FieldError.of(at, "not-an-array"));
                return facts;
            }
            if (node.size() > MAX_ENTRIES) {
                errors.add(FieldError.of(at, "too-many", MAX_ENTRIES));
                return facts;
            }
            Set<String> known = new HashSet<>();
            group.inputs().forEach(f -> known.add(f.name()));
            List<ClaimSchedule.PerType> perTypes = schedule.perTypeOf(group);
            perTypes.forEach(p -> known.add(p.key()));
            for (int i = 0; i < node.size(); i++) {
                String entryAt = at + "/" + i;
                JsonNode entry = node.get(i);
                if (!entry.isObject()) {
                    errors.add(FieldError.of(entryAt, "not-an-object"));
                    continue;
                }
                unknownFields(entry, entryAt, known);
                Object fact = newFact(group.type());
                set(group.type(), fact, ClaimSchedule.INDEX, i);
                String itemType = group == schedule.items() ? itemType(group, entry, entryAt) : null;
                for (ClaimSchedule.Field field : group.inputs()) {
                    if (field.name().equals(ClaimSchedule.TYPE) && group == schedule.items()) {
                        set(group.type(), fact, field.name(), itemType);
                        continue;
                    }
                    Object value = value(group, field, entry.get(field.name()), entryAt + ProfileBinder.pointer(field.name()), itemType,
                            group == schedule.items());
                    if (value != null) set(group.type(), fact, field.name(), value);
                }
                Object id = group.type().getField(ClaimSchedule.ID) == null ? null : group.type().get(fact, ClaimSchedule.ID);
                for (ClaimSchedule.PerType p : perTypes) amounts(p, entry.get(p.key()), entryAt + ProfileBinder.pointer(p.key()), (String) id);
                facts.add(fact);
            }
            return facts;
        }

        /** The item's type, checked first: which other fields it needs depends on it. */
        private String itemType(ClaimSchedule.Group items, JsonNode entry, String at) {
            ClaimSchedule.Field type = items.field(ClaimSchedule.TYPE);
            Object value = value(items, type, entry.get(ClaimSchedule.TYPE), at + "/" + ClaimSchedule.TYPE, null, false);
            return (String) value;
        }

        private Object value(ClaimSchedule.Group group, ClaimSchedule.Field field, JsonNode node, String at, String itemType, boolean isItem) {
            if (isItem && !field.forTypes().isEmpty()) {
                if (itemType == null) {
                    if (!present(node)) return null; // whether it is needed depends on a type that is itself wrong
                } else if (!field.appliesTo(itemType)) {
                    if (present(node)) errors.add(FieldError.of(at, "not-for-type"));
                    return null;
                } else if (!present(node)) {
                    errors.add(FieldError.of(at, "required"));
                    return null;
                }
            }
            if (!present(node)) {
                if (field.required()) errors.add(FieldError.of(at, "required"));
                return null;
            }
            Class<?> type = field.javaType();
            if (type == LocalDate.class) return date(node, at);
            if (type == Boolean.class) {
                if (node.isBoolean()) return node.booleanValue();
                errors.add(FieldError.of(at, "not-a-boolean"));
                return null;
            }
            if (type == Integer.class || type == Long.class) {
                boolean fits = type == Integer.class ? node.canConvertToInt() : node.canConvertToLong();
                if (!node.isIntegralNumber() || !fits) {
                    errors.add(FieldError.of(at, "not-an-integer"));
                    return null;
                }
                if (field.min() != null && node.longValue() < field.min()) {
                    errors.add(FieldError.of(at, "at-least", field.min()));
                    return null;
                }
                if (node.longValue() > InputBounds.MAX_QUANTITY) { // far beyond any real count: a mistake or an attack
                    errors.add(FieldError.of(at, "out-of-range", field.min() == null ? 0 : field.min(), InputBounds.MAX_QUANTITY));
                    return null;
                }
                return type == Integer.class ? (Object) node.intValue() : (Object) node.longValue();
            }
            return text(group, field, node, at);
        }

        private String text(ClaimSchedule.Group group, ClaimSchedule.Field field, JsonNode node, String at) {
            if (field.party() != null) {
                if (!node.isTextual() || !ids.getOrDefault(field.party(), Set.of()).contains(node.textValue())) {
                    ClaimSchedule.Group party = schedule.party(field.party());
                    errors.add(FieldError.of(at, "unknown-party", schedule.texts().parties().get(party.key()).one()));
                    return null;
                }
                return node.textValue();
            }
            if (!node.isTextual()) {
                errors.add(FieldError.of(at, field.values().isEmpty() ? "not-a-string" : "not-allowed", String.join(", ", field.values())));
                return null;
            }
            String value = node.textValue();
            if (!field.values().isEmpty()) {
                if (field.values().contains(value)) return value;
                errors.add(FieldError.of(at, "not-allowed", String.join(", ", field.values())));
                return null;
            }
            if (value.isBlank() && field.required()) {
                errors.add(FieldError.of(at, "required"));
                return null;
            }
            if (value.length() > MAX_TEXT_LENGTH) {
                errors.add(FieldError.of(at, "too-long", MAX_TEXT_LENGTH));
                return null;
            }
            if (field.name().equals(ClaimSchedule.ID) && group.type().getField(ClaimSchedule.ID) != null) {
                if (!ids.computeIfAbsent(group.type().getSimpleName(), k -> new HashSet<>()).add(value)) {
                    errors.add(FieldError.of(at, "duplicate-id"));
                    return null;
                }
            }
            return value;
        }

        /** {@code previouslyPaid: {TYPE: amount}}: a fact for every item type the party can have, 0 when not given. */
        private void amounts(ClaimSchedule.PerType perType, JsonNode node, String at, String partyId) {
            List<String> types = schedule.itemTypesOf(perType);
            Map<String, Long> amounts = new LinkedHashMap<>();
            types.forEach(t -> amounts.put(t, 0L));
            if (present(node)) {
                if (!node.isObject()) {
                    errors.add(FieldError.of(at, "not-an-object"));
                } else {
                    node.fields().forEachRemaining(entry -> {
                        String pointer = at + ProfileBinder.pointer(entry.getKey());
                        JsonNode amount = entry.getValue();
                        if (!types.contains(entry.getKey())) errors.add(FieldError.of(pointer, "not-allowed", String.join(", ", types)));
                        else if (!amount.isIntegralNumber() || !amount.canConvertToLong()) errors.add(FieldError.of(pointer, "not-an-integer"));
                        else if (amount.longValue() < 0 || amount.longValue() > MAX_AMOUNT) errors.add(FieldError.of(pointer, "out-of-range", 0, MAX_AMOUNT));
                        else amounts.put(entry.getKey(), amount.longValue());
                    });
                }
            }
            if (partyId == null) return;
            FactType type = perType.type();
            amounts.forEach((itemType, amount) -> {
                Object fact = newFact(type);
                type.set(fact, type.getFields().get(0).getName(), partyId);
                type.set(fact, type.getFields().get(1).getName(), itemType);
                type.set(fact, type.getFields().get(2).getName(), amount);
                amountFacts.add(fact);
            });
        }

        private LocalDate date(JsonNode node, String at) {
            if (!present(node)) return null;
            try {
                if (node.isTextual()) {
                    LocalDate date = LocalDate.parse(node.textValue());
                    if (InputBounds.inRange(date)) return date;
                    errors.add(InputBounds.dateOutOfRange(at));
                    return null;
                }
            } catch (DateTimeParseException e) {
                // worded below, without the value
            }
            errors.add(FieldError.of(at, "not-a-date"));
            return null;
        }

        private void unknownFields(JsonNode node, String at, Set<String> known) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) errors.add(FieldError.of(at + ProfileBinder.pointer(name), "unknown-field"));
            });
        }
    }

    /** Sets {@code seq}: the position in the order of {@code @inOrderOf}, then in the claim's order. */
    @SuppressWarnings("unchecked")
    private static void numberInOrder(ClaimSchedule.Group group, List<Object> facts) {
        FactType type = group.type();
        if (type.getField(ClaimSchedule.SEQ) == null) return;
        List<Object> ordered = new ArrayList<>(facts);
        if (group.orderBy() != null) {
            ordered.sort(Comparator.comparing(f -> (Comparable<Object>) type.get(f, group.orderBy()), Comparator.nullsLast(Comparator.naturalOrder())));
        }
        for (int i = 0; i < ordered.size(); i++) type.set(ordered.get(i), ClaimSchedule.SEQ, i);
    }


    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
