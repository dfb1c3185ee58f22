package org.policyadvisor.scenario;

import java.util.List;

/** One scenario's outcome; {@code failures} say in words what differed. */
public record ScenarioResult(String file, String name, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        return file + ": " + name + (passed() ? "" : " — " + String.join("; ", failures));
    }
}
