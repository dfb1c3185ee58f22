package org.policyadvisor.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.policyadvisor.advice.EvaluationAborted;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.claims.BoundClaim;
import org.policyadvisor.claims.ClaimBinder;
import org.policyadvisor.claims.ClaimEngine;
import org.policyadvisor.claims.ClaimSchedule;

/** Runs claim scenarios through the same binding and rules as POST /api/v1/claims/{schedule}. */
final class ClaimScenarios {

    private final ClaimEngine engine;

    ClaimScenarios(ClaimEngine engine) {
        this.engine = engine;
    }

    List<String> check(Ruleset ruleset, ClaimSchedule schedule, ClaimScenarioFile file, ClaimScenarioFile.Scenario scenario) {
        List<String> failures = new ArrayList<>();
        ObjectNode expect = scenario.expect();
        Set<String> parties = new TreeSet<>();
        schedule.parties().forEach(p -> parties.add(p.key()));
        Set<String> allowed = new TreeSet<>(parties);
        allowed.addAll(List.of(schedule.eligibleKey(), "totalPayable", schedule.items().key(), "invalid"));
        if (scenario.claim() == null) failures.add("no claim");
        if (expect == null || expect.isEmpty()) failures.add("nothing expected");
        else expect.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) failures.add("expect." + key + " is not something a scenario can expect; use " + allowed);
        });
        if (!failures.isEmpty()) return failures;

        ObjectNode body = scenario.claim().deepCopy();
        if (!body.has(schedule.claimant()) && file.claimant() != null) body.set(schedule.claimant(), file.claimant());
        if (!body.has("asOf") && file.asOf() != null) body.put("asOf", file.asOf().toString());
        if (!body.has("asOf")) return List.of("no asOf date: give one for the file or in the claim");

        Set<String> invalid = new TreeSet<>();
        JsonNode answer = null;
        try {
            BoundClaim claim = ClaimBinder.fromJson(body, schedule, ruleset.catalogue());
            answer = engine.answer(ruleset, schedule, claim, claim.asOf());
        } catch (InvalidInput e) {
            e.errors().forEach(error -> invalid.add(error.pointer()));
            if (!expect.has("invalid")) {
                e.errors().forEach(error -> failures.add("claim field " + error.pointer() + " is invalid: " + error.code() + " " + error.args()));
                return failures;
            }
        } catch (EvaluationAborted e) {
            return List.of("the rules did not finish: " + e.getMessage());
        }
        if (expect.has("invalid")) {
            Set<String> expected = new TreeSet<>();
            expect.get("invalid").forEach(pointer -> expected.add(pointer.asText()));
            if (!expected.equals(invalid)) failures.add("invalid: expected " + expected + " but was " + invalid);
            return failures;
        }
        compare(failures, "", expect, answer, parties);
        return failures;
    }

    /** Compares the keys that {@code expected} gives; lists by position, a party list by id. */
    private static void compare(List<String> failures, String path, JsonNode expected, JsonNode actual, Set<String> parties) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode value = parties.contains(field.getKey()) && path.isEmpty() ? byId(actual.get(field.getKey())) : actual.get(field.getKey());
                if (value == null) failures.add(at + ": the answer has no such field");
                else compare(failures, at, field.getValue(), value, parties);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                failures.add(path + ": expected " + expected.size() + " entries but the answer has " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) compare(failures, path + "[" + i + "]", expected.get(i), actual.get(i), parties);
        } else if (expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue()) != 0 : !expected.equals(actual)) {
            failures.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static JsonNode byId(JsonNode entries) {
        ObjectNode byId = JsonNodeFactory.instance.objectNode();
        entries.forEach(entry -> byId.set(entry.get(ClaimSchedule.ID).asText(), entry));
        return byId;
    }
}
