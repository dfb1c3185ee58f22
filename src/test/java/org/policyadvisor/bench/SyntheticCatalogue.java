package org.policyadvisor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RulesDirectory;

/**
 * Generates a catalogue of any size for the scale benchmarks: the real questions, assumptions and shared criteria
 * of {@code rules/}, plus {@code n} synthetic programs in the same format as the real ones. Each program has two
 * criteria of its own (an age threshold, and an OR of an education level and a work district) on top of two
 * shared ones, so the rule base grows by three rules per program. It lives with the tests because its smoke test
 * runs in every build; the benchmarks that use it are in src/bench/java.
 */
public final class SyntheticCatalogue {

    private static final String[] EDUCATION = {"ASSOCIATE", "BACHELOR", "MASTER", "DOCTORATE"};
    private static final String[] DISTRICTS = {"LUOHU", "OTHER_SHENZHEN", "OTHER_GBA", "HONG_KONG", "MACAU", "ELSEWHERE"};

    private SyntheticCatalogue() {}

    /** The shared files of the real rules plus {@code programs} generated programs (and no real ones). */
    public static List<RuleFile> files(Path realRules, int programs) {
        List<RuleFile> files = new ArrayList<>(RulesDirectory.read(realRules).stream()
                .filter(f -> !f.path().startsWith("programs/") && (f.path().startsWith("common/") || !f.path().contains("/")))
                .toList());
        for (int i = 1; i <= programs; i++) {
            String id = id(i);
            files.add(RuleFile.of("programs/" + id + "/" + id + ".drl", drl(i)));
            files.add(RuleFile.of("programs/" + id + "/" + id + ".yaml", yaml(i)));
        }
        return files;
    }

    public static String id(int i) {
        return String.format(Locale.ROOT, "synthetic-%04d", i);
    }

    /** The age a full profile must reach for program {@code i}: programs alternate between eligible and not for age 30. */
    static int minimumAge(int i) {
        return i % 2 == 0 ? 18 + i % 12 : 31 + i % 40;
    }

    private static String drl(int i) {
        String id = id(i);
        String type = "Synthetic" + String.format(Locale.ROOT, "%04d", i);
        return """
                package policy;

                declare %2$s
                    @program("%1$s")
                    @criteria("for-persons, hk-or-macau-resident, %1$s-age, %1$s-skills")
                    @availability("IN_EFFECT")
                    @effectiveFrom("2021-01-01")
                end

                rule "%1$s-age: is at least %3$d"
                    @criterion("%1$s-age")
                when
                    Applicant(age >= %3$d)
                then
                end

                rule "%1$s-skills: has a %4$s degree or higher"
                    @criterion("%1$s-skills") @combine("any")
                when
                    Applicant(highestEducation in (%5$s))
                then
                end

                rule "%1$s-skills: works in %6$s"
                    @criterion("%1$s-skills") @combine("any")
                when
                    Applicant(workDistrict == "%6$s")
                then
                end
                """.formatted(id, type, minimumAge(i), EDUCATION[i % EDUCATION.length].toLowerCase(Locale.ROOT),
                educationFrom(i % EDUCATION.length), DISTRICTS[i % DISTRICTS.length]);
    }

    private static String educationFrom(int level) {
        List<String> levels = new ArrayList<>();
        for (int j = level; j < EDUCATION.length; j++) levels.add('"' + EDUCATION[j] + '"');
        return String.join(", ", levels);
    }

    private static String yaml(int i) {
        String id = id(i);
        return """
                order: %2$d
                name: {zh-Hans: "合成项目 %2$d", zh-Hant: "合成項目 %2$d", en: "Synthetic program %2$d"}
                summary: {zh-Hans: "用于规模测试的合成项目。", zh-Hant: "用於規模測試的合成項目。", en: "A generated program for the scale benchmarks."}
                benefits:
                  - kind: CASH
                    amount: %3$d
                    currency: CNY
                    frequency: ONE_OFF
                    description: {zh-Hans: "一次性补贴", zh-Hant: "一次性補貼", en: "A one-off grant"}
                howToApply: {zh-Hans: "不适用。", zh-Hant: "不適用。", en: "Not applicable."}
                source: {document: synthetic.txt, paragraphs: [%2$d], quote: "synthetic"}
                criteria:
                  %1$s-age:
                    text: {zh-Hans: "年龄达到要求", zh-Hant: "年齡達到要求", en: "Is old enough"}
                  %1$s-skills:
                    text: {zh-Hans: "学历或工作地点符合", zh-Hant: "學歷或工作地點符合", en: "Has the education or works in the district"}
                """.formatted(id, i, 1000L * (1 + i % 50));
    }
}
