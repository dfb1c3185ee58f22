package org.policyadvisor.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;

/**
 * A small ruleset of the tests' own (three made-up programs, see its README), compiled once per test run: engine
 * tests assert on it, so a change to the real catalogue never breaks them.
 */
public final class SampleRules {

    public static final Path DIR = Path.of("src/test/resources/sample-rules");

    private static Ruleset ruleset;

    private SampleRules() {}

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(DIR));
        return ruleset;
    }
}
