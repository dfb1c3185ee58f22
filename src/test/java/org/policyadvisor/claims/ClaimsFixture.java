package org.policyadvisor.claims;

import java.nio.file.Path;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.testing.CompiledOnce;

/**
 * A small ruleset of the engine's own (src/test/resources/claims-fixture): a claim schedule written as rules only
 * (a monthly internship allowance), and programs whose benefits are a monthly rate with at most 6 months, an
 * "up to" amount, a planned grant and a grant in another currency. Compiled once per test run.
 */
public final class ClaimsFixture {

    public static final Path DIR = Path.of("src/test/resources/claims-fixture");

    private ClaimsFixture() {}

    public static Ruleset ruleset() {
        return CompiledOnce.of(DIR);
    }
}
