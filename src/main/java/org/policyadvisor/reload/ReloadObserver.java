package org.policyadvisor.reload;

import java.util.List;
import java.util.function.Supplier;
import org.policyadvisor.ruleset.RuleFile;

/** Told about every candidate the pipeline builds from changed rules, for instance to count them. */
@FunctionalInterface
public interface ReloadObserver {

    ReloadObserver NONE = activated -> { };

    /** {@code activated}: the candidate passed and now serves; false: it was refused and the last good rules serve on. */
    void reloaded(boolean activated);

    /** The attempt's whole report and the files it was built from (the records feature archives them). */
    default void attempted(Attempt attempt, List<RuleFile> files) {}

    /** Tells {@code first}, then {@code second}. */
    static ReloadObserver both(ReloadObserver first, ReloadObserver second) {
        return new ReloadObserver() {
            @Override
            public void reloaded(boolean activated) {
                first.reloaded(activated);
                second.reloaded(activated);
            }

            @Override
            public void attempted(Attempt attempt, List<RuleFile> files) {
                first.attempted(attempt, files);
                second.attempted(attempt, files);
            }
        };
    }

    /** The observer {@code ready} gives at each event, for one that is still being made when the pipeline is. */
    static ReloadObserver later(Supplier<? extends ReloadObserver> ready) {
        return new ReloadObserver() {
            @Override
            public void reloaded(boolean activated) {
                ready.get().reloaded(activated);
            }

            @Override
            public void attempted(Attempt attempt, List<RuleFile> files) {
                ready.get().attempted(attempt, files);
            }
        };
    }
}
