package org.policyadvisor.reload;

import org.policyadvisor.ruleset.Ruleset;

/**
 * A built candidate and its report. {@code ruleset} is null when nothing compiled; when it is not null the holder
 * must either activate it or {@link Ruleset#release() release} it.
 */
record Candidate(Attempt attempt, Ruleset ruleset) {}
