package org.policyadvisor.ruleset;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The ruleset that serves now. A request reads it once; a new one replaces it in a single atomic set. */
public final class ActiveRuleset {

    private final AtomicReference<Ruleset> current = new AtomicReference<>();

    public Optional<Ruleset> current() {
        return Optional.ofNullable(current.get());
    }

    /** Makes {@code next} serve and returns the one it replaced (null for the first). */
    public Ruleset activate(Ruleset next) {
        return current.getAndSet(next);
    }
}
