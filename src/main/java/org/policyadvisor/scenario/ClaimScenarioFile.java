package org.policyadvisor.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@code *.scenarios.yaml} file of claims for a calculator (the key {@code calculator:} tells it from a program's
 * scenarios). {@code asOf} and {@code mentor} are defaults for claims that do not give their own.
 */
record ClaimScenarioFile(String calculator, LocalDate asOf, ObjectNode mentor, List<Scenario> scenarios) {

    static final String KEY = "calculator";
    static final String MENTOR_SUBSIDY = "mentor-subsidy";

    /**
     * {@code claim} is a request body of POST /api/v1/mentor-subsidy. {@code expect} holds parts of the answer
     * ({@code mentorEligible}, {@code totalPayable}, {@code items} in order, {@code mentees} by id: only the keys
     * given are compared) or {@code invalid}: the pointers of a claim that must be refused.
     */
    record Scenario(String name, ObjectNode claim, ObjectNode expect) {}
}
