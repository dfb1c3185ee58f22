package org.policyadvisor.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A saved consultation. {@code profile} is the JSON object of answers to the rules' questions; {@code advice} the
 * answer's JSON bytes exactly as they were sent.
 */
public record Consultation(String reference, Instant createdAt, String rulesetVersion, LocalDate asOf, String lang,
                           byte[] profile, byte[] advice) {

    /** The reference as people read it. */
    public String displayReference() {
        return Reference.display(reference);
    }
}
