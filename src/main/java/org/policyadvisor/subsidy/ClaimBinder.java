package org.policyadvisor.subsidy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InputBounds;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.MentorSchedule;

/**
 * Binds a claim strictly: unknown fields, wrong types, unknown mentees or item types, quantities below one and dates
 * that don't parse are refused, each with its own pointer, all at once. The mentor is a profile, bound like advice.
 */
public final class ClaimBinder {

    public static final int MAX_ITEMS = 200;
    static final int MAX_MENTEES = MAX_ITEMS;
    static final int MAX_ID_LENGTH = 100;
    /** Far above any real total, so that sums stay exact in a long. */
    static final long MAX_PAID = 1_000_000_000L;
    static final String MENTOR = "mentor";

    private static final Set<String> TOP = Set.of(ProfileBinder.AS_OF, ProfileBinder.LANG, MENTOR, "mentees", "items");
    private static final Set<String> MENTEE = Set.of("id", "startDate", "employedAtStart", "previouslyPaid");
    private static final Set<String> ITEM = Set.of("mentee", "type", "date", "quantity", "insuredMonths");

    private ClaimBinder() {}

    /** Throws {@link InvalidInput} listing every bad field. The catalogue must declare a mentor schedule. */
    public static Claim fromJson(JsonNode body, Catalogue catalogue) {
        if (body == null || !body.isObject()) throw new InvalidInput(List.of(FieldError.of("", "not-an-object")));
        Binding binding = new Binding(catalogue);
        return binding.claim(body);
    }

    private static final class Binding {
        private final Catalogue catalogue;
        private final MentorSchedule schedule;
        private final List<FieldError> errors = new ArrayList<>();
        /** Every well-formed mentee id, so that an item is not blamed for its mentee's own errors. */
        private final Set<String> menteeIds = new HashSet<>();

        Binding(Catalogue catalogue) {
            this.catalogue = catalogue;
            this.schedule = catalogue.mentorSchedule();
        }

        Claim claim(JsonNode body) {
            unknownFields(body, "", TOP);
            LocalDate asOf = optionalDate(body, ProfileBinder.AS_OF, "");
            JsonNode lang = body.get(ProfileBinder.LANG);
            if (present(lang) && !(lang.isTextual() && Lang.parse(lang.textValue()).isPresent())) {
                errors.add(FieldError.of("/" + ProfileBinder.LANG, "not-a-lang"));
            }
            Map<String, Object> mentor = mentor(body.get(MENTOR));
            List<Claim.Mentee> mentees = mentees(body.get("mentees"));
            List<Claim.Item> items = items(body.get("items"));
            if (!errors.isEmpty()) throw new InvalidInput(errors);
            return new Claim(asOf, mentor, mentees, items);
        }

        /** The mentor is a profile: the questions of the rules, bound as for advice, with pointers under /mentor. */
        private Map<String, Object> mentor(JsonNode node) {
            if (!present(node)) {
                errors.add(FieldError.of("/" + MENTOR, "required"));
                return Map.of();
            }
            if (!node.isObject()) {
                errors.add(FieldError.of("/" + MENTOR, "not-an-object"));
                return Map.of();
            }
            ObjectNode profile = ((ObjectNode) node).deepCopy();
            for (String claimOnly : List.of(ProfileBinder.AS_OF, ProfileBinder.LANG)) {
                if (profile.remove(claimOnly) != null) errors.add(FieldError.of("/" + MENTOR + "/" + claimOnly, "unknown-field"));
            }
            try {
                return ProfileBinder.fromJson(profile, catalogue).answers();
            } catch (InvalidInput e) {
                e.errors().forEach(error -> errors.add(new FieldError("/" + MENTOR + error.pointer(), error.code(), error.args())));
                return Map.of();
            }
        }

        private List<Claim.Mentee> mentees(JsonNode node) {
            List<Claim.Mentee> mentees = new ArrayList<>();
            if (!present(node)) return mentees;
            if (!array(node, "/mentees", MAX_MENTEES)) return mentees;
            for (int i = 0; i < node.size(); i++) {
                String at = "/mentees/" + i;
                JsonNode mentee = node.get(i);
                if (!mentee.isObject()) {
                    errors.add(FieldError.of(at, "not-an-object"));
                    continue;
                }
                unknownFields(mentee, at, MENTEE);
                String id = id(mentee.get("id"), at + "/id");
                if (id != null && !menteeIds.add(id)) errors.add(FieldError.of(at + "/id", "duplicate-id"));
                LocalDate start = requiredDate(mentee, "startDate", at);
                Boolean employed = requiredBoolean(mentee.get("employedAtStart"), at + "/employedAtStart");
                Map<String, Long> paid = previouslyPaid(mentee.get("previouslyPaid"), at + "/previouslyPaid");
                if (id != null && start != null && employed != null) mentees.add(new Claim.Mentee(id, start, employed, paid));
            }
            return mentees;
        }

        private Map<String, Long> previouslyPaid(JsonNode node, String at) {
            Map<String, Long> paid = new LinkedHashMap<>();
            if (!present(node)) return paid;
            if (!node.isObject()) {
                errors.add(FieldError.of(at, "not-an-object"));
                return paid;
            }
            List<String> types = schedule.itemTypes().stream().filter(MentorSchedule.ItemType::forMentee)
                    .map(MentorSchedule.ItemType::name).toList();
            node.fields().forEachRemaining(entry -> {
                String pointer = at + ProfileBinder.pointer(entry.getKey());
                if (!types.contains(entry.getKey())) {
                    errors.add(FieldError.of(pointer, "not-allowed", String.join(", ", types)));
                    return;
                }
                JsonNode amount = entry.getValue();
                if (!amount.isIntegralNumber() || !amount.canConvertToLong()) errors.add(FieldError.of(pointer, "not-an-integer"));
                else if (amount.longValue() < 0 || amount.longValue() > MAX_PAID) errors.add(FieldError.of(pointer, "out-of-range", 0, MAX_PAID));
                else paid.put(entry.getKey(), amount.longValue());
            });
            return paid;
        }

        private List<Claim.Item> items(JsonNode node) {
            List<Claim.Item> items = new ArrayList<>();
            if (!present(node)) {
                errors.add(FieldError.of("/items", "required"));
                return items;
            }
            if (!array(node, "/items", MAX_ITEMS)) return items;
            for (int i = 0; i < node.size(); i++) {
                String at = "/items/" + i;
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    errors.add(FieldError.of(at, "not-an-object"));
                    continue;
                }
                int before = errors.size();
                unknownFields(item, at, ITEM);
                MentorSchedule.ItemType type = type(item.get("type"), at + "/type");
                LocalDate date = requiredDate(item, "date", at);
                String mentee = mentee(item.get("mentee"), at + "/mentee", type);
                Integer units = type == null ? null : units(item, at, type);
                if (errors.size() == before) items.add(new Claim.Item(i, mentee, type.name(), date, units));
            }
            return items;
        }

        private MentorSchedule.ItemType type(JsonNode node, String at) {
            if (!present(node)) {
                errors.add(FieldError.of(at, "required"));
                return null;
            }
            MentorSchedule.ItemType type = node.isTextual() ? schedule.itemType(node.textValue()) : null;
            if (type == null) {
                errors.add(FieldError.of(at, "not-allowed", String.join(", ", schedule.itemTypes().stream().map(MentorSchedule.ItemType::name).toList())));
            }
            return type;
        }

        /** The mentee an item is for: required by a type for mentees, refused by one that is not. */
        private String mentee(JsonNode node, String at, MentorSchedule.ItemType type) {
            if (type != null && !type.forMentee()) {
                if (present(node)) errors.add(FieldError.of(at, "not-for-type"));
                return null;
            }
            if (!present(node)) {
                if (type != null) errors.add(FieldError.of(at, "required"));
                return null;
            }
            if (!node.isTextual() || !menteeIds.contains(node.textValue())) {
                errors.add(FieldError.of(at, "unknown-mentee"));
                return null;
            }
            return node.textValue();
        }

        /** {@code quantity} for a type paid by rate, {@code insuredMonths} for one paid in parts; never the other. */
        private Integer units(JsonNode item, String at, MentorSchedule.ItemType type) {
            String field = type.paidInParts() ? "insuredMonths" : "quantity";
            String other = type.paidInParts() ? "quantity" : "insuredMonths";
            if (present(item.get(other))) errors.add(FieldError.of(at + "/" + other, "not-for-type"));
            int least = type.paidInParts() ? type.firstPartMonths() : 1;
            JsonNode node = item.get(field);
            if (!present(node)) {
                errors.add(FieldError.of(at + "/" + field, "required"));
            } else if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                errors.add(FieldError.of(at + "/" + field, "not-an-integer"));
            } else if (node.intValue() < least) {
                errors.add(FieldError.of(at + "/" + field, "at-least", least));
            } else if (node.intValue() > InputBounds.MAX_QUANTITY) {
                errors.add(FieldError.of(at + "/" + field, "out-of-range", least, InputBounds.MAX_QUANTITY));
            } else {
                return node.intValue();
            }
            return null;
        }

        private String id(JsonNode node, String at) {
            if (!present(node) || (node.isTextual() && node.textValue().isBlank())) {
                errors.add(FieldError.of(at, "required"));
            } else if (!node.isTextual()) {
                errors.add(FieldError.of(at, "not-a-string"));
            } else if (node.textValue().length() > MAX_ID_LENGTH) {
                errors.add(FieldError.of(at, "too-long", MAX_ID_LENGTH));
            } else {
                return node.textValue();
            }
            return null;
        }

        private Boolean requiredBoolean(JsonNode node, String at) {
            if (!present(node)) errors.add(FieldError.of(at, "required"));
            else if (!node.isBoolean()) errors.add(FieldError.of(at, "not-a-boolean"));
            else return node.booleanValue();
            return null;
        }

        private LocalDate requiredDate(JsonNode parent, String field, String at) {
            if (!present(parent.get(field))) {
                errors.add(FieldError.of(at + "/" + field, "required"));
                return null;
            }
            return optionalDate(parent, field, at);
        }

        private LocalDate optionalDate(JsonNode parent, String field, String at) {
            JsonNode node = parent.get(field);
            if (!present(node)) return null;
            try {
                if (node.isTextual()) {
                    LocalDate date = LocalDate.parse(node.textValue());
                    if (InputBounds.inRange(date)) return date;
                    errors.add(InputBounds.dateOutOfRange(at + "/" + field));
                    return null;
                }
            } catch (DateTimeParseException e) {
                // worded below, without the value
            }
            errors.add(FieldError.of(at + "/" + field, "not-a-date"));
            return null;
        }

        private boolean array(JsonNode node, String at, int max) {
            if (!node.isArray()) {
                errors.add(FieldError.of(at, "not-an-array"));
                return false;
            }
            if (node.size() > max) {
                errors.add(FieldError.of(at, "too-many", max));
                return false;
            }
            return true;
        }

        private void unknownFields(JsonNode node, String at, Set<String> known) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) errors.add(FieldError.of(at + ProfileBinder.pointer(name), "unknown-field"));
            });
        }

        private static boolean present(JsonNode node) {
            return node != null && !node.isNull();
        }
    }
}
