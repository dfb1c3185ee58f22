package org.policyadvisor.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.type.FactType;
import org.kie.api.definition.type.FactField;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.ruleset.Ruleset;

/**
 * A claim schedule described in one language, for GET /api/v1/claims and for the form a schedule's page builds from
 * it: what the claim holds (the claimant's questions, each list with its fields, the item types) and the words of
 * its answer (reasons, caps).
 */
public record ScheduleView(String id, String name, String intro, String path, String page, String currency, Claimant claimant,
                           List<ListView> lists, List<Choice> itemTypes, Map<String, String> reasons, Map<String, Cap> caps) {

    /** {@code questions}: the questions the claimant program's criteria read, in the catalogue's order. */
    public record Claimant(String key, String label, String program, List<String> questions, String eligible, String notEligible) {}

    /** A list of the claim: {@code items} is true for the claim items, false for a list of parties. */
    public record ListView(String key, String label, String one, boolean items, List<FieldView> fields) {}

    /**
     * A field of a list's entries. {@code kind}: text, date, boolean, integer, choice (from {@code values}), party
     * (an id from the list {@code party}) or amounts (one whole number per item type in {@code values}).
     * {@code forTypes}: the item types that take it (none: all).
     */
    public record FieldView(String name, String label, String kind, boolean required, Integer min, List<Choice> values,
                            List<String> forTypes, String party) {}

    public record Choice(String value, String label) {}

    public record Cap(String text, Long amount) {}

    /** Every schedule of the ruleset described in {@code lang}: made once per ruleset and language, then kept. */
    public static List<ScheduleView> all(Ruleset ruleset, Lang lang) {
        return ruleset.derived(InEachLang.class, InEachLang::new).in(lang);
    }

    /** The views of one ruleset, per language as first asked for. */
    private static final class InEachLang {
        private final List<ClaimSchedule> schedules;
        private final Catalogue catalogue;
        private final Map<Lang, List<ScheduleView>> views = new ConcurrentHashMap<>();

        InEachLang(Ruleset ruleset) {
            this.schedules = ClaimSchedules.of(ruleset).all();
            this.catalogue = ruleset.catalogue();
        }

        List<ScheduleView> in(Lang lang) {
            return views.computeIfAbsent(lang, l -> schedules.stream().map(s -> of(s, catalogue, l)).toList());
        }
    }

    public static ScheduleView of(ClaimSchedule schedule, Catalogue catalogue, Lang lang) {
        ClaimSchedule.ScheduleTexts texts = schedule.texts();
        List<Choice> itemTypes = schedule.itemTypes().stream().map(t -> new Choice(t, texts.values().get(t).in(lang))).toList();
        List<ListView> lists = new ArrayList<>();
        for (ClaimSchedule.Group party : schedule.parties()) {
            ClaimSchedule.PartyText words = texts.parties().get(party.key());
            List<FieldView> fields = new ArrayList<>(party.inputs().stream().map(f -> field(schedule, f, lang, itemTypes)).toList());
            schedule.perTypeOf(party).forEach(p -> {
                List<String> typesOf = schedule.itemTypesOf(p);
                List<Choice> types = itemTypes.stream().filter(t -> typesOf.contains(t.value())).toList();
                fields.add(new FieldView(p.key(), label(texts, p.key(), lang), "amounts", false, 0, types, List.of(), null));
            });
            lists.add(new ListView(party.key(), words.label().in(lang), words.one().in(lang), false, fields));
        }
        lists.add(new ListView(schedule.items().key(), label(texts, schedule.items().key(), lang), null, true,
                schedule.items().inputs().stream().map(f -> field(schedule, f, lang, itemTypes)).toList()));
        Map<String, String> reasons = new LinkedHashMap<>();
        texts.reasons().forEach((id, text) -> reasons.put(id, text.in(lang)));
        Map<String, Cap> caps = new LinkedHashMap<>();
        if (texts.caps() != null) texts.caps().forEach((id, cap) -> caps.put(id, new Cap(cap.text().in(lang), capAmount(schedule, cap.from()))));
        return new ScheduleView(schedule.id(), texts.name().in(lang), texts.intro().in(lang),
                schedule.path() != null ? schedule.path() : "/api/v1/claims/" + schedule.id(), schedule.page(), schedule.currency(),
                new Claimant(schedule.claimant(), texts.claimant().in(lang), schedule.claimantProgram(), claimantQuestions(schedule, catalogue),
                        texts.eligible().in(lang), texts.notEligible().in(lang)),
                lists, itemTypes, reasons, caps);
    }

    private static FieldView field(ClaimSchedule schedule, ClaimSchedule.Field field, Lang lang, List<Choice> itemTypes) {
        String kind;
        List<Choice> values = List.of();
        String party = null;
        if (field.party() != null) {
            kind = "party";
            party = schedule.party(field.party()).key();
        } else if (!field.values().isEmpty()) {
            kind = "choice";
            values = field.name().equals(ClaimSchedule.TYPE) ? itemTypes
                    : field.values().stream().map(v -> new Choice(v, schedule.texts().values().containsKey(v) ? schedule.texts().values().get(v).in(lang) : v)).toList();
        } else if (field.javaType() == java.time.LocalDate.class) {
            kind = "date";
        } else if (field.javaType() == Boolean.class) {
            kind = "boolean";
        } else if (field.javaType() == Integer.class || field.javaType() == Long.class) {
            kind = "integer";
        } else {
            kind = "text";
        }
        return new FieldView(field.name(), label(schedule.texts(), field.name(), lang), kind, field.required(), field.min(), values,
                field.forTypes(), party);
    }

    private static String label(ClaimSchedule.ScheduleTexts texts, String name, Lang lang) {
        return texts.fields().containsKey(name) ? texts.fields().get(name).in(lang) : name;
    }

    /** The questions the claimant program's criteria read: what a claim's claimant must answer. */
    static List<String> claimantQuestions(ClaimSchedule schedule, Catalogue catalogue) {
        Set<String> fields = new LinkedHashSet<>();
        catalogue.programs().stream().filter(p -> p.id().equals(schedule.claimantProgram()))
                .flatMap(p -> p.criteria().stream()).map(catalogue::criterion).filter(Objects::nonNull)
                .forEach(c -> fields.addAll(c.fields()));
        return catalogue.questions().stream().map(Question::field).filter(fields::contains).toList();
    }

    private static Long capAmount(ClaimSchedule schedule, String rateName) {
        for (FactType rate : schedule.rates()) {
            FactField cap = rate.getField("cap");
            if (!rate.getSimpleName().equals(rateName) || cap == null) continue;
            try {
                return rate.get(rate.newInstance(), "cap") instanceof Number n ? n.longValue() : null;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
