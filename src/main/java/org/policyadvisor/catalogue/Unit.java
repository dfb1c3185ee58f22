package org.policyadvisor.catalogue;

/**
 * A unit a benefit's amount can be given in (units.yaml): {@code label} as shown after an amount ("per month"),
 * {@code periods} how "at most N" of them is said, with {0} for N ("at most {0} months"); null when it cannot be.
 */
public record Unit(Text label, Text periods) {}
