package org.policyadvisor.catalogue;

/** Where the source is silent, the rules assume; each assumption is shown with the answers that rely on it. */
public record Assumption(String id, Text text) {}
