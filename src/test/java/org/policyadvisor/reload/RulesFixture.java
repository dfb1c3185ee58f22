package org.policyadvisor.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.ruleset.RuleFile;

/**
 * Rules directories for reload tests: a tiny ruleset (one question, one program whose
 * one-off cash amount is a parameter) that compiles in a fraction of the time, for tests that reload many times.
 */
public final class RulesFixture {

    public static final String TINY_DRL = "programs/tiny/tiny.drl";
    static final String TINY_YAML = "programs/tiny/tiny.yaml";
    static final String TINY_SCENARIOS = "programs/tiny/tiny.scenarios.yaml";

    private RulesFixture() {}

    /** The tiny ruleset paying {@code amount}, with a scenario that expects {@code expected}. */
    public static Map<String, String> tiny(long amount, long expected) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("applicant.drl", """
                package policy;

                declare Applicant
                    age : Integer = null @min(0) @max(130)
                end
                """);
        files.put("applicant.yaml", "age:\n  label: {zh-Hans: 年龄, zh-Hant: 年齡, en: Age}\n");
        files.put("assumptions.yaml", "{}\n");
        files.put("common/criteria.yaml", """
                program-in-effect:
                  text: {zh-Hans: 已生效, zh-Hant: 已生效, en: In effect}
                adult:
                  text: {zh-Hans: 成年, zh-Hant: 成年, en: Is an adult}
                """);
        files.put(TINY_DRL, """
                package policy;

                declare Tiny
                    @program("tiny")
                    @criteria("adult")
                    @availability("IN_EFFECT")
                    @effectiveFrom("2020-01-01")
                end

                rule "adult: is an adult"
                    @criterion("adult")
                when
                    Applicant(age >= 18)
                then
                end
                """);
        files.put(TINY_YAML, """
                order: 1
                name: {zh-Hans: 小, zh-Hant: 小, en: Tiny}
                summary: {zh-Hans: 小, zh-Hant: 小, en: Tiny}
                benefits:
                  - kind: CASH
                    amount: %d
                    currency: CNY
                    frequency: ONE_OFF
                    description: {zh-Hans: 现金, zh-Hant: 現金, en: Cash}
                howToApply: {zh-Hans: 申请, zh-Hant: 申請, en: Apply}
                source: {document: 000_c4954ffce7c23a52.txt, paragraphs: [1], quote: "x"}
                """.formatted(amount));
        files.put(TINY_SCENARIOS, """
                program: tiny
                asOf: 2026-01-01
                scenarios:
                  - name: An adult gets the cash
                    profile: {age: 30}
                    expect: {status: ELIGIBLE, eligibleCash: %d}
                  - name: A child does not
                    profile: {age: 10}
                    expect: {status: NOT_ELIGIBLE, eligibleCash: 0}
                """.formatted(expected));
        return files;
    }

    public static Map<String, String> tiny(long amount) {
        return tiny(amount, amount);
    }

    public static List<RuleFile> ruleFiles(Map<String, String> files) {
        return files.entrySet().stream().map(e -> RuleFile.of(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(RuleFile::path)).toList();
    }

    public static void write(Path dir, Map<String, String> files) {
        files.forEach((path, content) -> write(dir.resolve(path), content));
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
