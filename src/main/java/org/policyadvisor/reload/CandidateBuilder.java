package org.policyadvisor.reload;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.CrossFileCheck;
import org.policyadvisor.ruleset.DroolsMessages;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.ruleset.RulesetRejected;
import org.policyadvisor.ruleset.SourceDocuments;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioResult;
import org.policyadvisor.scenario.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gate: the language check and compile (both in {@link RulesetCompiler}), the cross-file checks, the scenarios: everything a candidate must pass, built to the side of what serves. */
final class CandidateBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateBuilder.class);

    /**
     * Scenarios check verdicts, not speed: the first evaluations on a new ruleset (a cold JVM, lazy Drools set-up, a
     * busy machine) can take longer than a request's time budget. Loops are still bounded by the firing limit, and
     * the language has no loops.
     */
    static final EvaluationLimits CHECK_LIMITS = new EvaluationLimits(EvaluationLimits.DEFAULT.maxFirings(), Duration.ofSeconds(10));

    private final RulesetCompiler compiler;
    private final ScenarioRunner scenarios;
    private final Clock clock;
    private final SourceDocuments sources;

    CandidateBuilder(Advisor advisor, Clock clock, SourceDocuments sources) {
        this.sources = sources;
        this.compiler = new RulesetCompiler(clock);
        this.scenarios = new ScenarioRunner(advisor);
        this.clock = clock;
    }

    /** Never activates anything; a compiled candidate comes back even when its scenarios fail, for the impact preview. */
    Candidate build(List<RuleFile> files) {
        long start = System.nanoTime();
        String version = RulesetCompiler.version(files);
        if (files.isEmpty()) return refused(version, start, List.of(RuleProblem.in(null, "there are no rule files")));
        Ruleset ruleset;
        try {
            ruleset = compiler.compile(files);
        } catch (RulesetRejected e) {
            return refused(version, start, DroolsMessages.placed(e.problems(), files));
        } catch (Throwable e) { // a build must never take the watcher or a request thread down with it
            LOG.warn("the rules could not be built: candidate {}", version, e);
            return refused(version, start, List.of(RuleProblem.in(null, "the rules could not be built: " + inPlainWords(e))));
        }
        List<RuleProblem> crossFile;
        try {
            crossFile = CrossFileCheck.check(files, ruleset.catalogue(), sources);
        } catch (RuntimeException e) {
            LOG.warn("the cross-file checks failed on candidate {}", version, e);
            crossFile = List.of(RuleProblem.in(null, "the rules could not be checked across files: " + inPlainWords(e)));
        }
        if (!crossFile.isEmpty()) {
            ruleset.release();
            return refused(version, start, crossFile);
        }
        ScenarioReport report;
        try {
            report = scenarios.run(ruleset);
        } catch (Throwable e) {
            LOG.warn("the scenario tests failed to run on candidate {}", version, e);
            report = new ScenarioReport(List.of(), List.of(RuleProblem.in(null, "the scenario tests could not run: " + inPlainWords(e))));
        }
        List<RuleProblem> errors = new ArrayList<>(report.problems());
        report.failures().forEach(failure -> errors.add(problem(files, failure)));
        Attempt attempt = new Attempt(clock.instant(), report.passed(), report.passed() ? Attempt.Result.PASSED : Attempt.Result.REFUSED,
                version, List.copyOf(errors), report.testsRun(), report.testsFailed(), report.failures(), millisSince(start));
        return new Candidate(attempt, ruleset);
    }

    /** What policy staff can act on, without the engine's class names (the log has the details). */
    static String inPlainWords(Throwable e) {
        if (e instanceof StackOverflowError) return "they are nested too deeply (for example, too many parentheses inside each other)";
        if (e instanceof OutOfMemoryError) return "they need more memory than the service has";
        return "the rule engine failed on them; the service log has the details";
    }

    private Candidate refused(String version, long start, List<RuleProblem> problems) {
        return new Candidate(new Attempt(clock.instant(), false, Attempt.Result.REFUSED, version, List.copyOf(problems), 0, 0,
                List.of(), millisSince(start)), null);
    }

    /** A failing scenario as a problem located at its name in the scenario file. */
    private static RuleProblem problem(List<RuleFile> files, ScenarioResult failure) {
        String message = "scenario \"" + failure.name() + "\" fails: " + String.join("; ", failure.failures());
        for (RuleFile file : files) {
            if (!file.path().equals(failure.file())) continue;
            String[] lines = file.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int column = lines[i].indexOf(failure.name());
                if (column >= 0 && lines[i].contains("name:")) return new RuleProblem(file.path(), i + 1, column + 1, message);
            }
        }
        return RuleProblem.in(failure.file(), message);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
