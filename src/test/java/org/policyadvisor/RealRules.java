package org.policyadvisor;

import java.nio.file.Path;
import java.time.Clock;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;

/** The project's real {@code rules/}, compiled once per test run and shared by every test that only reads it. */
public final class RealRules {

    public static final Path DIR = Path.of("rules");

    private static Ruleset ruleset;

    private RealRules() {}

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(DIR));
        return ruleset;
    }
}
