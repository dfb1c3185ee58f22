package org.policyadvisor.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@code *.scenarios.yaml} file of claims for a claim schedule (the key {@code schedule:} tells it from a
 * program's scenarios). {@code asOf} and {@code claimant} are defaults for claims that do not give their own.
 */
record ClaimScenarioFile(String schedule, LocalDate asOf, ObjectNode claimant, List<Scenario> scenarios) {

    static final String KEY = "schedule";

    /**
     * {@code claim} is a request body of POST /api/v1/claims/{schedule}. {@code expect} holds parts of the answer
     * (its keys, lists in order, a party list by id: only the keys given are compared) or {@code invalid}: the
     * pointers of a claim that must be refused.
     */
    record Scenario(String name, ObjectNode claim, ObjectNode expect) {}
}
