package org.policyadvisor.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.catalogue.Status;

/** A {@code *.scenarios.yaml} file: named cases for one program, readable by policy staff. */
record ScenarioFile(String program, LocalDate asOf, List<Scenario> scenarios) {

    record Scenario(String name, LocalDate asOf, ObjectNode profile, Expect expect) {}

    /** What must hold; every key but {@code status} is optional. */
    record Expect(ProgramStatus status, List<String> missing, Map<String, Status> criteria, Long eligibleCash,
                  Map<String, ProgramStatus> programs) {}
}
