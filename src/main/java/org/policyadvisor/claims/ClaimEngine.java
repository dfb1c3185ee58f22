package org.policyadvisor.claims;

import static org.policyadvisor.claims.Facts.newFact;
import static org.policyadvisor.claims.Facts.set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.advice.EvaluationObserver;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.advice.RuleSessions;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Works out a bound claim: decides whether the claimant qualifies, inserts the claim's facts with the schedule's
 * numbers, runs the schedule's rules under the evaluation limits, and itemizes what they concluded: each item's
 * answer fields, each party's, and the totals.
 */
public final class ClaimEngine {

    private final Advisor advisor;
    private final EvaluationLimits limits;

    public ClaimEngine(Advisor advisor) {
        this.advisor = advisor;
        this.limits = advisor.limits();
    }

    public ObjectNode answer(Ruleset ruleset, ClaimSchedule schedule, BoundClaim claim, LocalDate asOf) {
        boolean eligible = claimantEligible(ruleset, schedule, claim, asOf);
        Object scheduleFact = newFact(schedule.scheduleType());
        set(schedule.scheduleType(), scheduleFact, ClaimSchedule.AS_OF, asOf);
        set(schedule.scheduleType(), scheduleFact, ClaimSchedule.CLAIMANT_ELIGIBLE, eligible);
        set(schedule.scheduleType(), scheduleFact, ClaimSchedule.IN_FORCE_FROM, program(ruleset, schedule).effectiveFrom());
        run(ruleset, schedule, claim, scheduleFact);
        return itemize(ruleset, schedule, claim, asOf, eligible);
    }

    private boolean claimantEligible(Ruleset ruleset, ClaimSchedule schedule, BoundClaim claim, LocalDate asOf) {
        Decision.ProgramDecision decision = advisor.decide(ruleset, claim.claimant(), asOf).program(schedule.claimantProgram());
        if (decision.status() == ProgramStatus.NEEDS_INFO) {
            throw new InvalidInput(decision.missing().stream()
                    .map(field -> FieldError.of("/" + schedule.claimant() + "/" + field, "needed-for-claimant", schedule.texts().theClaimant()))
                    .toList());
        }
        return decision.status() == ProgramStatus.ELIGIBLE;
    }

    private static Program program(Ruleset ruleset, ClaimSchedule schedule) {
        return ruleset.catalogue().programs().stream().filter(p -> p.id().equals(schedule.claimantProgram())).findFirst().orElseThrow();
    }

    private void run(Ruleset ruleset, ClaimSchedule schedule, BoundClaim claim, Object scheduleFact) {
        KieSession session = RuleSessions.of(ruleset).newSession();
        try {
            session.insert(scheduleFact);
            for (FactType rate : schedule.rates()) session.insert(newFact(rate));
            claim.parties().values().forEach(facts -> facts.forEach(session::insert));
            claim.perType().forEach(session::insert);
            claim.items().forEach(session::insert);
            RuleSessions.fire(session, limits, match -> { }, EvaluationObserver.NONE, "the claim rules");
        } finally {
            session.dispose();
        }
    }

    private static ObjectNode itemize(Ruleset ruleset, ClaimSchedule schedule, BoundClaim claim, LocalDate asOf, boolean eligible) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode answer = json.objectNode();
        answer.put("rulesetVersion", ruleset.version());
        answer.put("asOf", asOf.toString());
        answer.put(schedule.eligibleKey(), eligible);
        ArrayNode items = answer.putArray(schedule.items().key());
        Map<String, Map<Object, Long>> payableByParty = new HashMap<>();
        long total = 0;
        for (Object item : claim.items()) {
            items.add(fields(schedule.items(), item));
            long payable = number(schedule.items().type().get(item, ClaimSchedule.PAYABLE));
            total = Math.addExact(total, payable);
            for (ClaimSchedule.Field field : schedule.items().fields()) {
                if (field.party() == null) continue;
                Object id = schedule.items().type().get(item, field.name());
                if (id != null) payableByParty.computeIfAbsent(field.party(), p -> new HashMap<>()).merge(id, payable, Math::addExact);
            }
        }
        for (ClaimSchedule.Group party : schedule.parties()) {
            ArrayNode lines = answer.putArray(party.key());
            Map<Object, Long> payable = payableByParty.getOrDefault(party.type().getSimpleName(), Map.of());
            for (Object fact : claim.parties().get(party.key())) {
                ObjectNode line = fields(party, fact);
                line.put(ClaimSchedule.PAYABLE, payable.getOrDefault(party.type().get(fact, ClaimSchedule.ID), 0L));
                lines.add(line);
            }
        }
        answer.put("totalPayable", total);
        answer.put("currency", schedule.currency());
        return answer;
    }

    /** The fields marked {@code @answer}, in declaration order; a date as YYYY-MM-DD. */
    private static ObjectNode fields(ClaimSchedule.Group group, Object fact) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        for (ClaimSchedule.Field field : group.answers()) {
            Object value = group.type().get(fact, field.name());
            line.set(field.name(), value == null ? JsonNodeFactory.instance.nullNode() : node(value));
        }
        return line;
    }

    private static JsonNode node(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value instanceof Boolean b) return json.booleanNode(b);
        if (value instanceof Integer i) return json.numberNode(i);
        if (value instanceof Long l) return json.numberNode(l);
        return json.textNode(value.toString());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }


    /** For the scenario runner: the schedule's facts are the same however a claim arrives. */
    static List<String> answerKeys(ClaimSchedule schedule) {
        List<String> keys = new java.util.ArrayList<>(List.of("rulesetVersion", "asOf", schedule.eligibleKey(), schedule.items().key()));
        schedule.parties().forEach(p -> keys.add(p.key()));
        keys.addAll(List.of("totalPayable", "currency"));
        return keys;
    }
}
