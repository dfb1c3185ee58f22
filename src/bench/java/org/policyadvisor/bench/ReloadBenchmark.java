package org.policyadvisor.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;

/**
 * A reload of the real catalogue through the service's own pipeline (target: under 1 s): read rules/, language
 * check, compile, cross-file checks, run every scenario, swap, release the replaced ruleset. Each reload changes a
 * comment, so each one really builds. The first build in a fresh JVM is slower; the measured ones are what a running service sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ReloadBenchmark {

    private RulesPipeline pipeline;
    private int reloads;

    @Setup
    public void setUp() {
        pipeline = new RulesPipeline(Bench.RULES, new ActiveRuleset(), Clock.systemUTC(), Duration.ZERO);
    }

    @TearDown
    public void tearDown() {
        pipeline.close();
    }

    @Benchmark
    public Attempt reload() {
        return Bench.reload(pipeline, ++reloads);
    }
}
