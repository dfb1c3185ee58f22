package org.policyadvisor.claims;

import java.util.List;
import java.util.Optional;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;

/** Every claim schedule of a ruleset, read once per ruleset; {@code problems} are declarations that could not be read. */
public record ClaimSchedules(List<ClaimSchedule> all, List<RuleProblem> problems) {

    public static ClaimSchedules of(Ruleset ruleset) {
        return ruleset.derived(ClaimSchedules.class, r -> {
            ScheduleReader reader = new ScheduleReader(r);
            List<ClaimSchedule> schedules = reader.read();
            return new ClaimSchedules(schedules, List.copyOf(reader.problems()));
        });
    }

    public Optional<ClaimSchedule> byId(String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The schedule served at an extra path declared by its @path. */
    public Optional<ClaimSchedule> byPath(String path) {
        return all.stream().filter(s -> path.equals(s.path())).findFirst();
    }
}
