package org.policyadvisor.reload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.EvaluationAborted;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.scenario.ScenarioProfile;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * What a candidate would change for real cases: every scenario profile of either ruleset is decided by both, and
 * each program whose verdict or amounts differ is listed.
 */
public final class ImpactPreview {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Advisor advisor;
    private final PastCases pastCases;
    private final Clock clock;

    ImpactPreview(Advisor advisor, PastCases pastCases, Clock clock) {
        this.advisor = advisor;
        this.pastCases = pastCases;
        this.clock = clock;
    }

    /**
     * @param changed       only the profiles with at least one difference
     * @param consultations the same over real saved cases; absent when none are kept
     * @param removedPrograms programs that serve now and that the candidate no longer has (a folder removed)
     * @param addedPrograms   programs the candidate adds
     */
    public record Impact(int profilesCompared, List<ProfileChange> changed,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Consultations consultations,
                         List<String> removedPrograms, List<String> addedPrograms) {}

    /** Saved cases decided by both rulesets today: how many, how many would change, and how, per program. */
    public record Consultations(int considered, int changed, List<Transition> transitions) {}

    /** {@code count} cases whose verdict on {@code program} goes from {@code from} to {@code to} (null: no such program). */
    public record Transition(String program, ProgramStatus from, ProgramStatus to, int count) {}

    /** @param note set when one of the two rulesets cannot decide this profile at all */
    public record ProfileChange(String file, String scenario, List<ProgramChange> programs,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    /** {@code before} or {@code after} is null when the program exists in only one of the two rulesets. */
    public record ProgramChange(String program, Verdict before, Verdict after) {}

    /** {@code amounts}: the program's benefit amounts, when they can concern this applicant (not NOT_ELIGIBLE). */
    public record Verdict(ProgramStatus status, List<Long> amounts) {}

    Impact compare(Ruleset active, Ruleset candidate) {
        Map<String, ScenarioProfile> profiles = new LinkedHashMap<>();
        for (Ruleset ruleset : List.of(candidate, active)) {
            ScenarioRunner.profiles(ruleset).forEach(p -> profiles.putIfAbsent(p.file() + "\n" + p.name(), p));
        }
        List<ProfileChange> changed = new ArrayList<>();
        for (ScenarioProfile profile : profiles.values()) {
            Outcome before = decide(active, profile);
            Outcome after = decide(candidate, profile);
            if (before.refusal != null || after.refusal != null) {
                if (!Objects.equals(before.refusal, after.refusal)) {
                    changed.add(new ProfileChange(profile.file(), profile.name(), List.of(),
                            before.refusal != null ? "the active rules cannot decide it: " + before.refusal
                                    : "the candidate cannot decide it: " + after.refusal));
                }
                continue;
            }
            List<ProgramChange> programs = differences(before.verdicts, after.verdicts);
            if (!programs.isEmpty()) changed.add(new ProfileChange(profile.file(), profile.name(), programs, null));
        }
        ProgramChanges programs = ProgramChanges.between(ProgramChanges.names(active).keySet(), ProgramChanges.names(candidate).keySet());
        return new Impact(profiles.size(), List.copyOf(changed), consultations(active, candidate), programs.removed(), programs.added());
    }

    /** Past cases are decided as of today: the two rulesets differ only in their rules, not in the date. */
    private Consultations consultations(Ruleset active, Ruleset candidate) {
        List<JsonNode> cases = pastCases.recentProfiles();
        if (cases == null) return null;
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        Map<Transition, Integer> counts = new LinkedHashMap<>();
        int changed = 0;
        for (JsonNode saved : cases) {
            Outcome before;
            Outcome after;
            try {
                before = decide(active, ProfileBinder.rebind(saved, active.catalogue()).answers(), today);
                after = decide(candidate, ProfileBinder.rebind(saved, candidate.catalogue()).answers(), today);
            } catch (InvalidInput unreadable) {
                continue; // a saved profile neither ruleset can read says nothing about the change
            }
            List<ProgramChange> differences = differences(before.verdicts, after.verdicts);
            if (differences.isEmpty()) continue;
            changed++;
            for (ProgramChange change : differences) {
                Transition key = new Transition(change.program(), change.before() == null ? null : change.before().status(),
                        change.after() == null ? null : change.after().status(), 0);
                counts.merge(key, 1, Integer::sum);
            }
        }
        List<Transition> transitions = counts.entrySet().stream()
                .map(e -> new Transition(e.getKey().program(), e.getKey().from(), e.getKey().to(), e.getValue()))
                .sorted(Comparator.comparingInt(Transition::count).reversed().thenComparing(Transition::program))
                .toList();
        return new Consultations(cases.size(), changed, transitions);
    }

    private static List<ProgramChange> differences(Map<String, Verdict> before, Map<String, Verdict> after) {
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<ProgramChange> changes = new ArrayList<>();
        for (String id : ids) {
            if (!Objects.equals(before.get(id), after.get(id))) changes.add(new ProgramChange(id, before.get(id), after.get(id)));
        }
        return changes;
    }

    private record Outcome(Map<String, Verdict> verdicts, String refusal) {}

    private Outcome decide(Ruleset ruleset, ScenarioProfile profile) {
        try {
            return decide(ruleset, ProfileBinder.fromJson(profile.profile(), ruleset.catalogue()).answers(), profile.asOf());
        } catch (InvalidInput e) {
            return new Outcome(Map.of(), "profile fields " + e.errors().stream().map(f -> f.pointer() + " " + f.code()).toList());
        }
    }

    private Outcome decide(Ruleset ruleset, Map<String, Object> answers, LocalDate asOf) {
        try {
            Decision decision = advisor.decide(ruleset, answers, asOf);
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            for (Decision.ProgramDecision program : decision.programs()) {
                List<Long> amounts = program.status() == ProgramStatus.NOT_ELIGIBLE ? List.of()
                        : program.program().benefits().stream().map(Program.Benefit::amount).toList();
                verdicts.put(program.program().id(), new Verdict(program.status(), amounts));
            }
            return new Outcome(verdicts, null);
        } catch (EvaluationAborted e) {
            return new Outcome(Map.of(), e.getMessage());
        }
    }
}
