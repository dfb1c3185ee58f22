package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Uses the tiny ruleset: 200 builds of the real rules would take minutes on a busy machine; a leak shows either way. */
class ReloadMemoryTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadMemoryTest.class);

    @TempDir
    Path dir;

    @Test
    void heap_after_gc_stays_flat_across_200_reloads() {
        ActiveRuleset active = new ActiveRuleset();
        try (RulesPipeline pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ZERO)) {
            reload(pipeline, 0, 10);
            long before = usedHeapAfterGc();
            long classesBefore = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();

            reload(pipeline, 10, 210);
            long after = usedHeapAfterGc();
            long classesAfter = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();

            LOG.info("heap after GC: {} KB after warm-up, {} KB after 200 more reloads; loaded classes {} -> {}",
                    before / 1024, after / 1024, classesBefore, classesAfter);
            assertThat(pipeline.builds()).isEqualTo(210);
            assertThat(after).isLessThanOrEqualTo(before + before / 10);
            active.current().orElseThrow().release();
        }
    }

    private void reload(RulesPipeline pipeline, int from, int to) {
        for (int i = from; i < to; i++) {
            RulesFixture.write(dir, RulesFixture.tiny(100 + i % 2));
            assertThat(pipeline.reload().result()).isEqualTo(Attempt.Result.ACTIVATED);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
