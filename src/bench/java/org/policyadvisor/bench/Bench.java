package org.policyadvisor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Catalogue;
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
