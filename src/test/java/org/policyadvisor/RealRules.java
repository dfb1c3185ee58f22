package org.policyadvisor;

import java.nio.file.Path;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.testing.CompiledOnce;

/** The project's real {@code rules/}, compiled once per test run and shared by every test that only reads it. */
public final class RealRules {

    public static final Path DIR = Path.of("rules");

    private RealRules() {}

    public static Ruleset ruleset() {
        return CompiledOnce.of(DIR);
    }
}
