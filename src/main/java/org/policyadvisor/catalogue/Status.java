package org.policyadvisor.catalogue;

/** A criterion's three-valued outcome; unknown is never the same as false. */
public enum Status {
    MET,
    NOT_MET,
    UNKNOWN;

    public static Status of(boolean holds) {
        return holds ? MET : NOT_MET;
    }

    /** Kleene AND: false as soon as one known part fails. */
    public Status and(Status other) {
        if (this == NOT_MET || other == NOT_MET) return NOT_MET;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return MET;
    }

    /** Kleene OR: true as soon as one known part holds. */
    public Status or(Status other) {
        if (this == MET || other == MET) return MET;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return NOT_MET;
    }
}
