package org.policyadvisor.testing;

import java.nio.file.Path;
import org.policyadvisor.ruleset.Ruleset;

/**
 * The tests' own copy of a claim schedule (the mentor subsidy, with the applicant questions and the programme it
 * depends on), compiled once per test run: claim engine tests assert its amounts, so policy staff may change the
 * real schedule in {@code rules/} without breaking them.
 */
public final class MentorRules {

    public static final Path DIR = Path.of("src/test/resources/mentor-fixture");

    private MentorRules() {}

    public static Ruleset ruleset() {
        return CompiledOnce.of(DIR);
    }
}
