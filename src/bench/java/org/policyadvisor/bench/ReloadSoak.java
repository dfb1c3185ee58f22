package org.policyadvisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Heap across many reloads of the real rules through the service's pipeline (target: flat across 200): each
 * reload checks, compiles, tests, swaps and releases the ruleset it replaced, and a few answers are served from
 * each one (so its session pool and caches exist). Prints heap used after a full GC.
 * Run with bench/run.sh soak [reloads].
 */
public final class ReloadSoak {

    private ReloadSoak() {}

    public static void main(String[] args) {
        int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);
        ActiveRuleset active = new ActiveRuleset();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        try (RulesPipeline pipeline = new RulesPipeline(Bench.RULES, active, Clock.systemUTC(), Duration.ZERO)) {
            report(0, memory, start);
            for (int i = 1; i <= reloads; i++) {
                Bench.reload(pipeline, i);
                Ruleset serving = active.current().orElseThrow();
                AdviceRequest profile = Bench.fullProfile(serving.catalogue());
                for (int j = 0; j < 10; j++) advisor.advise(serving, profile, profile.asOf(), Lang.EN);
                if (i == 1 || i % Math.max(1, reloads / 8) == 0 || i == reloads) report(i, memory, start);
            }
        }
    }

    private static void report(int reloads, MemoryMXBean memory, long start) {
        for (int i = 0; i < 3; i++) System.gc();
        System.out.printf("reloads %4d  heap used after GC %6.1f MiB  elapsed %5.1f s%n",
                reloads, memory.getHeapMemoryUsage().getUsed() / 1048576.0, (System.nanoTime() - start) / 1e9);
    }
}
