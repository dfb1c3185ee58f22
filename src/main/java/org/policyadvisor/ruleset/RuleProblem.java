package org.policyadvisor.ruleset;

/** Something wrong in a rule file, located as precisely as the checker knows: {@code file:line:column: message}. */
public record RuleProblem(String file, Integer line, Integer column, String message) {

    public static RuleProblem in(String file, String message) {
        return new RuleProblem(file, null, null, message);
    }

    @Override
    public String toString() {
        return (file == null ? "rules" : file) + ":" + (line == null ? 0 : line) + ":" + (column == null ? 0 : column) + ": " + message;
    }
}
