package org.policyadvisor.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A claim bound to its schedule's declared types, ready to be inserted. {@code claimant} holds the claimant's known
 * answers, as a profile; {@code asOf} is null when the claim did not say. {@code parties} and {@code items} are in
 * the claim's order, keyed by their list's key.
 */
public record BoundClaim(LocalDate asOf, Map<String, Object> claimant, Map<String, List<Object>> parties, List<Object> items,
                         List<Object> perType) {}
