package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.ruleset.TextStyleCheck.Passage;
import org.policyadvisor.ruleset.TextStyleCheck.Style;

/**
 * Every text in rules/ and messages.yaml is in the style of its language: 简体 without Traditional-only characters,
 * 繁體 without Simplified-only characters or Taiwan usage, English in British spelling (policy-catalogue.md §6 R8).
 */
class TextStyleGuardTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages.yaml");
    private static final TextStyleCheck CHECK = TextStyleCheck.load();
    private static final Pattern LANGUAGE_NAME = Pattern.compile(": /lang\\.(zh-Hans|zh-Hant|en)\\.");

    @Test
    void every_text_of_the_rules_and_the_messages_is_in_the_style_of_its_language() throws IOException {
        List<Passage> texts = new ArrayList<>(TextStyleCheck.passages(RealRules.DIR));
        for (Passage message : TextStyleCheck.passagesOfYaml(MESSAGES.toString(), Files.readString(MESSAGES))) {
            texts.add(inItsOwnLanguage(message));
        }
        assertThat(texts).extracting(Passage::style).contains(Style.ZH_HANS, Style.ZH_HANT, Style.EN, Style.SOURCE);
        assertThat(CHECK.check(texts)).as("texts out of style").isEmpty();
    }

    @Test
    void a_simplified_character_in_a_traditional_text_is_caught_and_the_traditional_form_suggested() {
        assertThat(CHECK.check(text(Style.ZH_HANT, "請到服務中心门口"))).singleElement().asString().contains("门", "門", "x.yaml");
    }

    @Test
    void a_traditional_character_in_a_simplified_text_or_a_rule_file_is_caught() {
        assertThat(CHECK.check(text(Style.ZH_HANS, "请到服务中心門口"))).singleElement().asString().contains("門", "门");
        assertThat(CHECK.check(text(Style.SOURCE, "// 港人子弟學校 — source ¶26"))).isNotEmpty();
    }

    @Test
    void a_taiwan_term_in_a_traditional_text_is_caught_and_the_hong_kong_term_suggested() {
        assertThat(CHECK.check(text(Style.ZH_HANT, "正文不得超過 {0} 位元組。"))).singleElement().asString().contains("位元組", "字節");
        assertThat(CHECK.check(text(Style.ZH_HANT, "請按「列印」"))).singleElement().asString().contains("打印");
    }

    @Test
    void both_spellings_of_a_british_and_american_pair_are_caught_and_the_american_one_named() {
        assertThat(CHECK.check(text(Style.EN, "Ask the centre, next to the Service Center."))).singleElement().asString()
                .contains("'Center'", "'Centre'");
        assertThat(CHECK.check(text(Style.EN, "A programme for an organization"))).singleElement().asString().contains("organisation");
    }

    @Test
    void characters_shared_by_both_scripts_and_hong_kong_words_pass() {
        // 里 后 干 台 只 系 are Traditional characters too; 乾 is Simplified too; 公佈 伺服器 資料 are Hong Kong usage as well.
        assertThat(CHECK.check(text(Style.ZH_HANT, "若干公里後的皇后像廣場只有一台伺服器，資料已公佈，關係密切"))).isEmpty();
        assertThat(CHECK.check(text(Style.ZH_HANS, "乾隆年间，若干公里外的皇后台只有一个系统"))).isEmpty();
        assertThat(CHECK.check(text(Style.ZH_HANS, "香港东华三院、香港中华厂商联合会"))).isEmpty();
    }

    @Test
    void identifiers_and_enum_values_are_not_prose() {
        assertThat(CHECK.check(text(Style.SOURCE, """
                rule "for-organizations: the applicant is an organisation"
                    @program("home-service-center") @criteria("program-in-effect")
                declare HomeServiceCenter
                profile: {applicantType: ORGANIZATION}  # see programs/<id>/
                """))).isEmpty();
    }

    @Test
    void the_texts_of_a_rules_folder_are_found_in_its_yaml_maps_other_strings_and_rule_files(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("programs/p"));
        Files.writeString(dir.resolve("programs/p/p.yaml"), """
                name: {zh-Hans: 港人子弟学校, zh-Hant: 港人子弟学校, en: Children's school}
                benefits:
                  - description: {zh-Hans: 學校, zh-Hant: 學校, en: A school}
                """);
        Files.writeString(dir.resolve("programs/p/p.scenarios.yaml"), "scenarios:\n  - name: An organization is not a child\n");
        Files.writeString(dir.resolve("programs/p/p.drl"), "package policy;\n// 學校 for the center\n");

        List<String> problems = CHECK.check(TextStyleCheck.passages(dir));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("rules/programs/p/p.yaml: /name/zh-Hant", "学"))
                .anySatisfy(p -> assertThat(p).contains("rules/programs/p/p.yaml: /benefits/0/description/zh-Hans", "學"))
                .anySatisfy(p -> assertThat(p).contains("rules/programs/p/p.scenarios.yaml: /scenarios/0/name", "organization"))
                .anySatisfy(p -> assertThat(p).contains("rules/programs/p/p.drl", "學"))
                .anySatisfy(p -> assertThat(p).contains("rules/programs/p/p.drl", "'center'"))
                .hasSize(5);
    }

    @Test
    void the_taiwan_terms_said_to_come_from_opencc_are_in_its_taiwan_tables() {
        List<String> terms = TextStyleCheck.taiwanTermsFromOpenCc();
        assertThat(terms).contains("位元組", "列印", "指令碼", "重新整理");
        var forms = TextStyleCheck.openCcTaiwanForms();
        assertThat(terms).allSatisfy(term -> assertThat(forms).as(term).anyMatch(form -> form.contains(term)));
    }

    /** The language switch names each language in that language (lang.zh-Hant.name is 繁體中文 on every page). */
    private static Passage inItsOwnLanguage(Passage message) {
        Matcher key = LANGUAGE_NAME.matcher(message.where());
        if (!key.find()) return message;
        Style style = switch (key.group(1)) {
            case "zh-Hans" -> Style.ZH_HANS;
            case "zh-Hant" -> Style.ZH_HANT;
            default -> Style.EN;
        };
        return new Passage(message.where(), style, message.text());
    }

    private static Passage text(Style style, String text) {
        return new Passage("rules/programs/x/x.yaml: /name", style, text);
    }
}
