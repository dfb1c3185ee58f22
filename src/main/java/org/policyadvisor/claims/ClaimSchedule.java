package org.policyadvisor.claims;

import java.util.List;
import java.util.Map;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Text;

/**
 * A claim schedule as the rules declare it: the types a claim is bound to and the texts of its form. The engine
 * knows what a claim looks like only from here; what is paid is decided by the schedule's rules.
 *
 * @param path            an extra path the schedule is served at (besides /api/v1/claims/{id}), or null
 * @param page            the name of its form page (/{page}), or null
 * @param claimant        the claim's key for the claimant's answers (a profile of the questions)
 * @param claimantProgram the program the claimant must be ELIGIBLE for
 * @param rates           the schedule's numbers: one instance of each is in every claim's session
 */
public record ClaimSchedule(
        String id,
        String path,
        String page,
        String claimant,
        String claimantProgram,
        String currency,
        FactType scheduleType,
        List<FactType> rates,
        List<Group> parties,
        List<PerType> perType,
        Group items,
        ScheduleTexts texts) {

    /** The field of an item that says its type: the values that {@code @forTypes} lists. */
    public static final String TYPE = "type";
    /** Fields the engine sets: position in the claim's list, and in the order of {@code @inOrderOf}. */
    public static final String INDEX = "index";
    public static final String SEQ = "seq";
    /** Fields the engine sets on the schedule's fact. */
    public static final String AS_OF = "asOf";
    public static final String CLAIMANT_ELIGIBLE = "claimantEligible";
    public static final String IN_FORCE_FROM = "inForceFrom";
    /** Fields the engine reads back: what an item pays, and whether a party was accepted. */
    public static final String PAYABLE = "payable";
    public static final String ID = "id";

    public Group party(String typeName) {
        return parties.stream().filter(p -> p.type().getSimpleName().equals(typeName)).findFirst().orElse(null);
    }

    /** The answer's key that says whether the claimant qualifies, the claimant's key followed by {@code Eligible}. */
    public String eligibleKey() {
        return claimant + "Eligible";
    }

    /** The item types, as {@code @values} of the items' type field lists them. */
    public List<String> itemTypes() {
        Field type = items.field(TYPE);
        return type == null ? List.of() : type.values();
    }

    /** The amounts per item type that each entry of {@code party} gives. */
    public List<PerType> perTypeOf(Group party) {
        return perType.stream().filter(p -> p.party().equals(party.type().getSimpleName())).toList();
    }

    /** The item types a party of {@code perType} can have: those with a field that names such a party. */
    public List<String> itemTypesOf(PerType perType) {
        return itemTypes().stream().filter(t -> items.fields().stream().anyMatch(f -> perType.party().equals(f.party()) && f.appliesTo(t))).toList();
    }

    /**
     * A list of the claim (its parties, its items): its key in the claim and the answer, the declared type each
     * entry is bound to, and the field that orders them ({@code seq}), or null.
     */
    public record Group(String key, FactType type, String orderBy, List<Field> fields) {

        public Field field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }

        public List<Field> inputs() {
            return fields.stream().filter(Field::input).toList();
        }

        public List<Field> answers() {
            return fields.stream().filter(Field::answer).toList();
        }
    }

    /**
     * A field of a declared claim type. {@code input}: the claim gives it ({@code @required} or {@code @optional},
     * or {@code @forTypes} some item types, for which it is then required and for the others refused). {@code party}:
     * the value is the id of a party of that declared type. {@code answer}: shown in the answer.
     */
    public record Field(String name, Class<?> javaType, boolean input, boolean required, List<String> values, Integer min,
                        List<String> forTypes, String party, boolean answer) {

        public boolean appliesTo(String itemType) {
            return forTypes.isEmpty() || forTypes.contains(itemType);
        }
    }

    /**
     * Amounts per item type that a party's entry gives as an object ({@code previouslyPaid: {TYPE: amount}}): one
     * fact per party and item type the party can have (0 when not given), its fields in declaration order: the
     * party's id, the item type, the amount.
     */
    public record PerType(FactType type, String party, String key) {}

    /**
     * The schedule's words in every language, from {@code <id>.yaml} beside its rules: its name and intro, the
     * claimant as a heading and as a sentence names it ("the applicant"), what the answer says when the claimant does
     * or does not qualify, each list, field, item type, refusal reason and cap.
     */
    public record ScheduleTexts(Text name, Text intro, Text claimant, Text theClaimant, Text eligible, Text notEligible,
                                Map<String, PartyText> parties, Map<String, Text> fields, Map<String, Text> values,
                                Map<String, Text> reasons, Map<String, CapText> caps) {}

    /** {@code label}: the heading of its list; {@code one}: one of its entries as an error message names it ("a participant"). */
    public record PartyText(Text label, Text one) {}

    /** A cap an answer names: its words, with {0} for the amount, which is the {@code cap} of the rate {@code from}. */
    public record CapText(String from, Text text) {}
}
