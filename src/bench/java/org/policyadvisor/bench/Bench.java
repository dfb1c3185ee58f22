package org.policyadvisor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;

/** What every benchmark shares: the real rules and the full profile that bench/http.sh posts too. */
public final class Bench {

    static final Path RULES = Path.of("rules");
    static final Path FULL_PROFILE = Path.of("bench/full-profile.json");

    private Bench() {}

    static Ruleset compile(List<RuleFile> files) {
        return new RulesetCompiler(Clock.systemUTC()).compile(files);
    }

    public static Ruleset realRules() {
        return compile(RulesDirectory.read(RULES));
    }

    /** One reload as the watcher makes it, of rules/ with a comment that differs for each {@code n}, so it builds. */
    static Attempt reload(RulesPipeline pipeline, int n) {
        List<RuleFile> files = new ArrayList<>(RulesDirectory.read(RULES));
        RuleFile applicant = files.stream().filter(f -> f.path().equals("applicant.drl")).findFirst().orElseThrow();
        files.set(files.indexOf(applicant), RuleFile.of(applicant.path(), applicant.text() + "\n// reload " + n + "\n"));
        Attempt attempt = pipeline.publish(files);
        if (attempt.result() != Attempt.Result.ACTIVATED) throw new IllegalStateException("the real rules were refused: " + attempt.errors());
        return attempt;
    }

    public static byte[] fullProfileBytes() {
        try {
            return Files.readAllBytes(FULL_PROFILE);
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmarks from the project directory", e);
        }
    }

    public static AdviceRequest fullProfile(Catalogue catalogue) {
        try {
            JsonNode body = new ObjectMapper().readTree(fullProfileBytes());
            return ProfileBinder.fromJson(body, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
