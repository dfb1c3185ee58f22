package org.policyadvisor.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Growth with the size of the catalogue: generated catalogues of 10, 100 and 1,000 programs (targets at 1,000:
 * compile under 30 s, a full profile decided in under 5 ms median).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScaleBenchmark {

    @Param({"10", "100", "1000"})
    public int programs;

    private List<RuleFile> files;
    private Ruleset ruleset;
    private Advisor advisor;
    private AdviceRequest profile;
    private LocalDate asOf;

    @Setup(Level.Trial)
    public void setUp() {
        files = SyntheticCatalogue.files(Bench.RULES, programs);
        ruleset = Bench.compile(files);
        advisor = new Advisor(EvaluationLimits.DEFAULT);
        profile = Bench.fullProfile(ruleset.catalogue());
        asOf = profile.asOf();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ruleset.release();
    }

    /** One build of the whole catalogue, from files in memory to a ruleset ready to serve, then freed. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public String compile() {
        Ruleset built = Bench.compile(files);
        built.release();
        return built.version();
    }

    /** The verdicts alone: the rules run, every criterion and program decided. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision decide() {
        return advisor.decide(ruleset, profile.answers(), asOf);
    }

    /** The verdicts put into words: what POST /api/v1/advice returns, before JSON. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Advice advise() {
        return advisor.advise(ruleset, profile, asOf, Lang.EN);
    }
}
