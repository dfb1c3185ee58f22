package org.policyadvisor.reload;

/** Told about every candidate the pipeline builds from changed rules, for instance to count them. */
@FunctionalInterface
public interface ReloadObserver {

    ReloadObserver NONE = activated -> { };

    /** {@code activated}: the candidate passed and now serves; false: it was refused and the last good rules serve on. */
    void reloaded(boolean activated);
}
