package org.policyadvisor.bench;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.Ruleset;

/**
 * The engine alone, one thread: a full profile against the real rules (target: 20,000/s), next to the hand-written
 * evaluator of the same programs (target: within 10x of it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class EngineBenchmark {

    private Ruleset ruleset;
    private Advisor advisor;
    private AdviceRequest profile;
    private LocalDate asOf;

    @Setup
    public void setUp() {
        ruleset = Bench.realRules();
        advisor = new Advisor(EvaluationLimits.DEFAULT);
        profile = Bench.fullProfile(ruleset.catalogue());
        asOf = profile.asOf();
        checkTheBaselineAgrees();
    }

    @TearDown
    public void tearDown() {
        ruleset.release();
    }

    @Benchmark
    public Decision decide() {
        return advisor.decide(ruleset, profile.answers(), asOf);
    }

    @Benchmark
    public Advice advise() {
        return advisor.advise(ruleset, profile, asOf, Lang.EN);
    }

    @Benchmark
    public List<HandWrittenAdvisor.Verdict> handWritten() {
        return HandWrittenAdvisor.decide(profile.answers(), asOf);
    }

    /** A baseline that answers differently would be no baseline: compare every program both know. */
    private void checkTheBaselineAgrees() {
        Decision engine = decide();
        for (HandWrittenAdvisor.Verdict verdict : handWritten()) {
            Decision.ProgramDecision program = engine.program(verdict.program());
            if (program == null) continue;
            if (program.status() != verdict.status() || !new HashSet<>(program.missing()).equals(new HashSet<>(verdict.missing()))) {
                throw new IllegalStateException(verdict.program() + ": the engine says " + program.status() + " " + program.missing()
                        + ", the hand-written evaluator " + verdict.status() + " " + verdict.missing());
            }
        }
    }
}
