package org.policyadvisor.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.policyadvisor.subsidy.Claim;
import org.policyadvisor.subsidy.ClaimAnswer;
import org.policyadvisor.subsidy.ClaimBinder;
import org.policyadvisor.subsidy.SubsidyCalculator;

/** Runs claim scenarios through the same binding and calculation as POST /api/v1/mentor-subsidy. */
final class ClaimScenarios {

    private static final Set<String> EXPECT = Set.of("mentorEligible", "totalPayable", "items", "mentees", "invalid");

    private final SubsidyCalculator calculator;
    private final ObjectMapper mapper;

    ClaimScenarios(SubsidyCalculator calculator, ObjectMapper mapper) {
        this.calculator = calculator;
        this.mapper = mapper;
    }

    List<String> check(Ruleset ruleset, ClaimScenarioFile file, ClaimScenarioFile.Scenario scenario) {
        List<String> failures = new ArrayList<>();
        ObjectNode expect = scenario.expect();
        if (scenario.claim() == null) failures.add("no claim");
        if (expect == null || expect.isEmpty()) failures.add("nothing expected");
        else expect.fieldNames().forEachRemaining(key -> {
            if (!EXPECT.contains(key)) failures.add("expect." + key + " is not something a scenario can expect; use " + new TreeSet<>(EXPECT));
        });
        if (!failures.isEmpty()) return failures;

        ObjectNode body = scenario.claim().deepCopy();
        if (!body.has("mentor") && file.mentor() != null) body.set("mentor", file.mentor());
        if (!body.has("asOf") && file.asOf() != null) body.put("asOf", file.asOf().toString());
        if (!body.has("asOf")) return List.of("no asOf date: give one for the file or in the claim");

        Set<String> invalid = new TreeSet<>();
        JsonNode answer = null;
        try {
            Claim claim = ClaimBinder.fromJson(body, ruleset.catalogue());
            ClaimAnswer result = calculator.calculate(ruleset, claim, claim.asOf());
            answer = mapper.valueToTree(result);
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
        compare(failures, "", expect, answer);
        return failures;
    }

    /** Compares the keys that {@code expected} gives; lists by position, {@code mentees} by id. */
    private static void compare(List<String> failures, String path, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode value = field.getKey().equals("mentees") && path.isEmpty() ? byId(actual.get("mentees")) : actual.get(field.getKey());
                if (value == null) failures.add(at + ": the answer has no such field");
                else compare(failures, at, field.getValue(), value);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                failures.add(path + ": expected " + expected.size() + " entries but the answer has " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) compare(failures, path + "[" + i + "]", expected.get(i), actual.get(i));
        } else if (expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue()) != 0 : !expected.equals(actual)) {
            failures.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static JsonNode byId(JsonNode mentees) {
        ObjectNode byId = JsonNodeFactory.instance.objectNode();
        mentees.forEach(mentee -> byId.set(mentee.get("id").asText(), mentee));
        return byId;
    }
}
