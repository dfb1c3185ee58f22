package org.policyadvisor.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two advice answers, program by program, read from the answers as they were sent: a
 * program's status, the cash it counts towards the total, and the criteria whose status moved.
 */
public final class AdviceChanges {

    private AdviceChanges() {}

    /** {@code then} or {@code now} is null when the program exists in only one of the two answers. */
    public record Change(String program, Verdict then, Verdict now, List<CriterionChange> criteria) {}

    /** @param eligibleCash what the program adds to {@code totals.eligibleCash} */
    public record Verdict(String status, long eligibleCash) {}

    /** {@code then} or {@code now} is null when the criterion exists in only one of the two answers. */
    public record CriterionChange(String id, String then, String now) {}

    /** Every program whose status or eligible cash differs, in the order of the newer answer. */
    static List<Change> between(JsonNode then, JsonNode now) {
        Map<String, JsonNode> before = programs(then);
        Map<String, JsonNode> after = programs(now);
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String id : ids) {
            Verdict was = verdict(before.get(id));
            Verdict is = verdict(after.get(id));
            if (Objects.equals(was, is)) continue;
            changes.add(new Change(id, was, is, criteria(before.get(id), after.get(id))));
        }
        return changes;
    }

    private static Map<String, JsonNode> programs(JsonNode advice) {
        Map<String, JsonNode> programs = new LinkedHashMap<>();
        advice.path("programs").forEach(p -> programs.put(p.path("id").asText(), p));
        return programs;
    }

    private static Verdict verdict(JsonNode program) {
        if (program == null) return null;
        String status = program.path("status").asText();
        boolean counts = status.equals("ELIGIBLE") && !program.path("availability").asText().equals("PLANNED");
        long cash = 0;
        if (counts) {
            for (JsonNode benefit : program.path("benefits")) {
                if (benefit.path("kind").asText().equals("CASH") && benefit.path("frequency").asText().equals("ONE_OFF")) cash += benefit.path("amount").asLong(0);
            }
        }
        return new Verdict(status, cash);
    }

    private static List<CriterionChange> criteria(JsonNode then, JsonNode now) {
        Map<String, String> before = criterionStatuses(then);
        Map<String, String> after = criterionStatuses(now);
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        List<CriterionChange> moved = new ArrayList<>();
        for (String id : ids) {
            if (!Objects.equals(before.get(id), after.get(id))) moved.add(new CriterionChange(id, before.get(id), after.get(id)));
        }
        return moved;
    }

    private static Map<String, String> criterionStatuses(JsonNode program) {
        Map<String, String> statuses = new LinkedHashMap<>();
        if (program != null) program.path("criteria").forEach(c -> statuses.put(c.path("id").asText(), c.path("status").asText()));
        return statuses;
    }
}
