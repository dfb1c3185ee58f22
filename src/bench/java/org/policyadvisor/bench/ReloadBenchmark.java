package org.policyadvisor.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * A reload of the real catalogue (target: under 1 s): read rules/, compile, run every scenario, free the result.
 * The first build in a fresh JVM is slower; the warm-up iterations are what a running service sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ReloadBenchmark {

    private final ScenarioRunner scenarios = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT));

    @Benchmark
    public ScenarioReport reload() {
        Ruleset ruleset = Bench.compile(RulesDirectory.read(Bench.RULES));
        try {
            ScenarioReport report = scenarios.run(ruleset);
            if (!report.problems().isEmpty() || report.testsFailed() > 0) throw new IllegalStateException("the real rules fail their scenarios");
            return report;
        } finally {
            ruleset.release();
        }
    }
}
