package org.policyadvisor;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.reload.ProgramChanges;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.scenario.ScenarioResult;

/**
 * {@code java -jar policy-advisor.jar check rules/}: the same checks a running service applies before it activates a
 * change, for policy staff before they publish it. Prints one {@code file:line:column: message} line per problem.
 * With {@code --against} (a checkout of the published rules, or the service's address) it also lists the programs
 * the change removes or adds, as the validate report does: news, not a reason to refuse.
 */
public final class CheckCommand {

    /** The comparison asked for with {@code --against} could not be made. */
    static final int CANNOT_COMPARE = 2;

    private CheckCommand() {}

    /** @return the process exit code: 0 when the rules would be activated, 1 when they would be refused */
    public static int run(Path dir, PrintStream out) {
        return run(dir, null, out);
    }

    /**
     * @param against the published rules to compare with (a folder or the service's address), or null
     * @return 0 when the rules would be activated, 1 when refused, 2 when {@code against} cannot be read
     */
    public static int run(Path dir, String against, PrintStream out) {
        List<RuleFile> files;
        try {
            files = RulesDirectory.read(dir);
        } catch (UncheckedIOException e) {
            out.println(dir + ":0:0: " + e.getMessage());
            return 1;
        }
        Map<String, String> published = null;
        if (against != null) {
            try {
                published = PublishedPrograms.read(against);
            } catch (PublishedPrograms.Unreadable e) {
                out.println("cannot compare with " + against + ": " + e.getMessage());
                return CANNOT_COMPARE;
            }
        }
        RulesPipeline.Checked checked = RulesPipeline.check(dir, files);
        Attempt attempt = checked.attempt();

        attempt.errors().forEach(out::println);
        for (ScenarioResult failure : attempt.failingScenarios()) out.println("FAILED " + failure.file() + ": " + failure.name());
        if (published != null && checked.programs() != null) changes(published, checked.programs(), against, out);
        if (attempt.ok()) {
            out.println("OK " + attempt.version() + ": " + files.size() + " files, " + attempt.testsRun() + " scenarios passed");
            return 0;
        }
        out.println("REFUSED: " + attempt.errors().size() + " problem(s), " + attempt.testsFailed() + " of " + attempt.testsRun()
                + " scenarios failed; a running service would keep its current rules");
        return 1;
    }

    private static void changes(Map<String, String> published, Map<String, String> candidate, String against, PrintStream out) {
        ProgramChanges changes = ProgramChanges.between(published.keySet(), candidate.keySet());
        for (String id : changes.removed()) {
            out.println("REMOVED program '" + id + "' (" + published.get(id) + "): published in " + against
                    + " but not in these rules; once these are published, advice no longer lists it");
        }
        for (String id : changes.added()) {
            out.println("ADDED program '" + id + "' (" + candidate.get(id) + "): new, not published in " + against
                    + "; once these are published, advice lists it");
        }
        if (changes.removed().isEmpty() && changes.added().isEmpty()) {
            out.println("SAME PROGRAMS as " + against + ": none removed, none added");
        }
    }
}
