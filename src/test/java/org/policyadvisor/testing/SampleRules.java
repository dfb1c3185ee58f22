package org.policyadvisor.testing;

import java.nio.file.Path;
import org.policyadvisor.ruleset.Ruleset;

/**
 * A small ruleset of the tests' own (three made-up programs, see its README), compiled once per test run: engine
 * tests assert on it, so a change to the real catalogue never breaks them.
 */
public final class SampleRules {

    public static final Path DIR = Path.of("src/test/resources/sample-rules");

    private SampleRules() {}

    public static Ruleset ruleset() {
        return CompiledOnce.of(DIR);
    }
}
