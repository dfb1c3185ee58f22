package org.policyadvisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * Heap across many reloads of the real rules (target: flat across 200): each reload compiles, runs the scenarios,
 * serves a few answers, swaps in and releases the ruleset it replaced. Prints heap used after a full GC.
 * Run with bench/run.sh soak [reloads].
 */
public final class ReloadSoak {

    private ReloadSoak() {}

    public static void main(String[] args) {
        int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);
        ScenarioRunner scenarios = new ScenarioRunner(advisor);
        ActiveRuleset active = new ActiveRuleset();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        report(0, memory, start);
        for (int i = 1; i <= reloads; i++) {
            Ruleset next = Bench.compile(RulesDirectory.read(Bench.RULES));
            if (!scenarios.run(next).passed()) throw new IllegalStateException("the real rules fail their scenarios");
            AdviceRequest profile = Bench.fullProfile(next.catalogue());
            for (int j = 0; j < 10; j++) advisor.advise(next, profile, profile.asOf(), Lang.EN);
            Ruleset previous = active.activate(next);
            if (previous != null) previous.release();
            if (i == 1 || i % Math.max(1, reloads / 8) == 0 || i == reloads) report(i, memory, start);
        }
    }

    private static void report(int reloads, MemoryMXBean memory, long start) {
        for (int i = 0; i < 3; i++) System.gc();
        System.out.printf("reloads %4d  heap used after GC %6.1f MiB  elapsed %5.1f s%n",
                reloads, memory.getHeapMemoryUsage().getUsed() / 1048576.0, (System.nanoTime() - start) / 1e9);
    }
}
