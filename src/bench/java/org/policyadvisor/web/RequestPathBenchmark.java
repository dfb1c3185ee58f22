package org.policyadvisor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
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
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.bench.Bench;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.Ruleset;

/** The parts of POST /api/v1/advice outside the HTTP server, one at a time, to see where a request's time goes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RequestPathBenchmark {

    private Ruleset ruleset;
    private Advisor advisor;
    private byte[] body;
    private AdviceRequest request;
    private Advice advice;

    @Setup
    public void setUp() throws IOException {
        ruleset = Bench.realRules();
        advisor = new Advisor(EvaluationLimits.DEFAULT);
        body = Bench.fullProfileBytes();
        request = bind();
        advice = advise();
    }

    @TearDown
    public void tearDown() {
        ruleset.release();
    }

    @Benchmark
    public AdviceRequest bind() throws IOException {
        JsonNode node = Json.MAPPER.readTree(body);
        return ProfileBinder.fromJson(node, ruleset.catalogue());
    }

    @Benchmark
    public Advice advise() {
        return advisor.advise(ruleset, request, request.asOf(), Lang.EN);
    }

    /** As before any caching: every text escaped and encoded anew. */
    @Benchmark
    public byte[] writeJson() throws IOException {
        return Json.MAPPER.writeValueAsBytes(advice);
    }

    @Benchmark
    public byte[] writeJsonEncoded() throws IOException {
        return ruleset.derived(EncodedTexts.class, EncodedTexts::new).writer().writeValueAsBytes(advice);
    }

    @Benchmark
    public byte[] all() throws IOException {
        AdviceRequest bound = bind();
        LocalDate asOf = bound.asOf();
        return ruleset.derived(EncodedTexts.class, EncodedTexts::new).writer().writeValueAsBytes(advisor.advise(ruleset, bound, asOf, Lang.EN));
    }
}
