package org.policyadvisor.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;

/** A folder of rules compiled once per test run and shared by every test that only reads it. */
public final class CompiledOnce {

    private static final Map<Path, Ruleset> RULESETS = new ConcurrentHashMap<>();

    private CompiledOnce() {}

    public static Ruleset of(Path dir) {
        return RULESETS.computeIfAbsent(dir, d -> new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(d)));
    }
}
