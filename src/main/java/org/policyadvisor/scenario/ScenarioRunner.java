package org.policyadvisor.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.EvaluationAborted;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.claims.ClaimEngine;
import org.policyadvisor.claims.ClaimSchedule;
import org.policyadvisor.claims.ClaimSchedules;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.Suggestions;
import org.policyadvisor.ruleset.TextLocator;
import org.policyadvisor.ruleset.YamlFiles;

/**
 * Runs every {@code *.scenarios.yaml} of a ruleset against that same ruleset: one generic runner for all programs
 * and for the claims of every claim schedule (files with {@code schedule:} at the top). Claim schedules whose
 * declarations cannot be read are reported as problems too, so that this is checked wherever scenarios run.
 */
public final class ScenarioRunner {

    public static final String SUFFIX = ".scenarios.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Advisor advisor;
    private final ClaimScenarios claims;

    public ScenarioRunner(Advisor advisor) {
        this.advisor = advisor;
        this.claims = new ClaimScenarios(new ClaimEngine(advisor));
    }

    public ScenarioReport run(Ruleset ruleset) {
        List<ScenarioResult> results = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>(ClaimSchedules.of(ruleset).problems());
        for (RuleFile file : ruleset.files()) {
            if (!file.path().endsWith(SUFFIX)) continue;
            if (isClaimFile(file)) runClaims(ruleset, file, results, problems);
            else runProgram(ruleset, file, results, problems);
        }
        return new ScenarioReport(List.copyOf(results), List.copyOf(problems));
    }

    /** The profile and date of every readable program scenario of a ruleset, in file order. */
    public static List<ScenarioProfile> profiles(Ruleset ruleset) {
        List<ScenarioProfile> profiles = new ArrayList<>();
        for (RuleFile file : ruleset.files()) {
            if (!file.path().endsWith(SUFFIX) || isClaimFile(file)) continue;
            ScenarioFile scenarios = read(file, ScenarioFile.class, new ArrayList<>());
            if (scenarios == null || scenarios.scenarios() == null) continue;
            for (ScenarioFile.Scenario scenario : scenarios.scenarios()) {
                LocalDate asOf = scenario.asOf() != null ? scenario.asOf() : scenarios.asOf();
                if (asOf != null) profiles.add(new ScenarioProfile(file.path(), scenario.name(), asOf,
                        scenario.profile() == null ? YAML.createObjectNode() : scenario.profile()));
            }
        }
        return profiles;
    }

    private void runProgram(Ruleset ruleset, RuleFile file, List<ScenarioResult> results, List<RuleProblem> problems) {
        ScenarioFile scenarios = read(file, ScenarioFile.class, problems);
        if (scenarios == null) return;
        if (scenarios.program() == null || scenarios.scenarios() == null) {
            problems.add(RuleProblem.in(file.path(), "a scenario file needs `program:` and `scenarios:`"));
            return;
        }
        if (ruleset.catalogue().programs().stream().noneMatch(p -> p.id().equals(scenarios.program()))) {
            problems.add(RuleProblem.in(file.path(), "the scenarios are for program '" + scenarios.program() + "', which the rules do not declare"
                    + Suggestions.didYouMean(scenarios.program(), ruleset.catalogue().programs().stream().map(p -> p.id()).toList())));
            return;
        }
        Set<String> names = new HashSet<>();
        for (ScenarioFile.Scenario scenario : scenarios.scenarios()) {
            if (scenario.name() != null && !names.add(scenario.name())) {
                String text = file.text();
                int at = text.lastIndexOf("name: " + scenario.name());
                String message = "two scenarios are named \"" + scenario.name() + "\"; give each its own name, so a failure says which one";
                problems.add(at < 0 ? RuleProblem.in(file.path(), message) : TextLocator.at(file, text, at, message));
            }
        }
        for (ScenarioFile.Scenario scenario : scenarios.scenarios()) {
            results.add(new ScenarioResult(file.path(), scenario.name(), check(ruleset, scenarios, scenario)));
        }
    }

    private void runClaims(Ruleset ruleset, RuleFile file, List<ScenarioResult> results, List<RuleProblem> problems) {
        ClaimScenarioFile scenarios = read(file, ClaimScenarioFile.class, problems);
        if (scenarios == null) return;
        if (scenarios.schedule() == null || scenarios.scenarios() == null) {
            problems.add(RuleProblem.in(file.path(), "a claim scenario file needs `schedule: <id>` and `scenarios:`"));
            return;
        }
        ClaimSchedule schedule = ClaimSchedules.of(ruleset).byId(scenarios.schedule()).orElse(null);
        if (schedule == null) {
            problems.add(RuleProblem.in(file.path(), "the scenarios are for the claim schedule '" + scenarios.schedule() + "', which the rules do not declare"));
            return;
        }
        for (ClaimScenarioFile.Scenario scenario : scenarios.scenarios()) {
            results.add(new ScenarioResult(file.path(), scenario.name(), claims.check(ruleset, schedule, scenarios, scenario)));
        }
    }

    /** A claim scenario file says which schedule it tests at the top; a program's says {@code program:}. */
    private static boolean isClaimFile(RuleFile file) {
        try {
            JsonNode tree = YAML.readTree(file.content());
            return tree != null && tree.has(ClaimScenarioFile.KEY);
        } catch (IOException e) {
            return false; // reported with its location when read as a program's scenarios
        }
    }

    private static <T> T read(RuleFile file, Class<T> type, List<RuleProblem> problems) {
        try {
            T scenarios = YAML.readValue(file.content(), type);
            if (scenarios == null) problems.add(RuleProblem.in(file.path(), "the file is empty"));
            return scenarios;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new RuleProblem(file.path(), at == null ? null : at.getLineNr(), at == null ? null : at.getColumnNr(), YamlFiles.inPlainWords(e)));
            return null;
        } catch (IOException e) {
            problems.add(RuleProblem.in(file.path(), "cannot read: " + e.getMessage()));
            return null;
        }
    }

    /** A profile answer the questions do not allow, in words: which question, what is wrong, a near name. */
    private static String profileError(Ruleset ruleset, FieldError error) {
        String field = error.pointer().startsWith("/") ? error.pointer().substring(1) : error.pointer();
        String what = switch (error.code()) {
            case "unknown-field" -> "is not a question of applicant.drl" + Suggestions.didYouMean(field,
                    ruleset.catalogue().questions().stream().map(q -> q.field()).toList());
            case "not-an-integer" -> "must be a whole number";
            case "not-a-boolean" -> "must be true or false";
            case "not-a-date" -> "must be a date YYYY-MM-DD";
            case "not-allowed" -> "must be one of " + error.args().get(0);
            default -> "is not allowed here (" + error.code().replace('-', ' ') + (error.args().isEmpty() ? "" : " " + error.args()) + ")";
        };
        return "profile: `" + field + "` " + what;
    }

    private List<String> check(Ruleset ruleset, ScenarioFile file, ScenarioFile.Scenario scenario) {
        List<String> failures = new ArrayList<>();
        LocalDate asOf = scenario.asOf() != null ? scenario.asOf() : file.asOf();
        ScenarioFile.Expect expect = scenario.expect();
        if (asOf == null) failures.add("no asOf date: give one for the file or the scenario");
        if (expect == null || expect.status() == null) failures.add("no expected status");
        if (!failures.isEmpty()) return failures;

        Decision decision;
        try {
            AdviceRequest request = ProfileBinder.fromJson(scenario.profile() == null ? YAML.createObjectNode() : scenario.profile(), ruleset.catalogue());
            decision = advisor.decide(ruleset, request.answers(), asOf);
        } catch (InvalidInput e) {
            e.errors().forEach(error -> failures.add(profileError(ruleset, error)));
            return failures;
        } catch (EvaluationAborted e) {
            failures.add("the rules did not finish: " + e.getMessage());
            return failures;
        }

        Decision.ProgramDecision program = decision.program(file.program());
        expectEqual(failures, "status", expect.status(), program.status());
        if (expect.missing() != null && !new HashSet<>(expect.missing()).equals(new HashSet<>(program.missing()))) {
            failures.add("missing: expected " + expect.missing() + " but was " + program.missing());
        }
        if (expect.criteria() != null) {
            expect.criteria().forEach((id, status) -> {
                Criterion.Outcome outcome = program.outcome(id);
                if (outcome == null) failures.add("criterion " + id + ": the program has no such criterion");
                else expectEqual(failures, "criterion " + id, status, outcome.status());
            });
        }
        if (expect.programs() != null) {
            expect.programs().forEach((id, status) -> {
                Decision.ProgramDecision other = decision.program(id);
                if (other == null) failures.add("program " + id + ": no such program");
                else expectEqual(failures, "program " + id, status, other.status());
            });
        }
        if (expect.eligibleCash() != null) expectEqual(failures, "eligibleCash", expect.eligibleCash(), decision.eligibleCash());
        return failures;
    }

    private static void expectEqual(List<String> failures, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) failures.add(what + ": expected " + expected + " but was " + actual);
    }
}
