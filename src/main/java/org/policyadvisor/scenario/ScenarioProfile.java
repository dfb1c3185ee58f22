package org.policyadvisor.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/** One scenario's case without its expectations: used to compare two rulesets on the same applicants. */
public record ScenarioProfile(String file, String name, LocalDate asOf, ObjectNode profile) {}
