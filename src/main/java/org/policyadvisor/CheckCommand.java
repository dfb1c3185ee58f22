package org.policyadvisor;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.scenario.ScenarioResult;

/**
 * {@code java -jar policy-advisor.jar check rules/}: the same checks a running service applies before it activates a
 * change, for policy staff before they publish it. Prints one {@code file:line:column: message} line per problem.
 */
public final class CheckCommand {

    private CheckCommand() {}

    /** @return the process exit code: 0 when the rules would be activated, 1 when they would be refused */
    public static int run(Path dir, PrintStream out) {
        List<RuleFile> files;
        try {
            files = RulesDirectory.read(dir);
        } catch (UncheckedIOException e) {
            out.println(dir + ":0:0: " + e.getMessage());
            return 1;
        }
        Attempt attempt = RulesPipeline.check(dir, files);

        attempt.errors().forEach(out::println);
        for (ScenarioResult failure : attempt.failingScenarios()) out.println("FAILED " + failure.file() + ": " + failure.name());
        if (attempt.ok()) {
            out.println("OK " + attempt.version() + ": " + files.size() + " files, " + attempt.testsRun() + " scenarios passed");
            return 0;
        }
        out.println("REFUSED: " + attempt.errors().size() + " problem(s), " + attempt.testsFailed() + " of " + attempt.testsRun()
                + " scenarios failed; a running service would keep its current rules");
        return 1;
    }
}
