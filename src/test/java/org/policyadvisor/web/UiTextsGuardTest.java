package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.claims.ClaimSchedules;
import org.policyadvisor.claims.ScheduleView;

/**
 * The pages' words live in one place, messages.yaml (and the policy's own words in rules/). This guard fails the
 * build when a page, script or style says something itself, or asks for a message that is not there.
 */
class UiTextsGuardTest {

    private static final Path PUBLIC = Path.of("src/main/resources/public");
    private static final Messages MESSAGES = Messages.load();
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    private static final Pattern JS_STRING = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`((?:[^`\\\\]|\\\\.)*)`");
    // A sentence or a phrase a person would read: a capitalised word followed by more words.
    private static final Pattern PROSE = Pattern.compile("\\b[A-Z][a-z]+(?: [A-Za-z]+)+");
    private static final Pattern KEY_USE = Pattern.compile("\\bt\\('([a-zA-Z.\\-]+)'|data-t=\\\\?\"([a-zA-Z.\\-]+)\\\\?\"");
    private static final TestServer server = TestServer.shared();

    @Test
    void the_pages_scripts_and_styles_hold_no_chinese_text() throws IOException {
        for (Path file : publicFiles()) {
            assertThat(CHINESE.matcher(Files.readString(file)).find()).as(file + " has Chinese text; put it in messages.yaml").isFalse();
        }
        assertThat(CHINESE.matcher(Files.readString(Path.of("src/main/java/org/policyadvisor/web/DeskPage.java"))).find()).isFalse();
    }

    @Test
    void the_pages_scripts_hold_no_sentences_of_their_own() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : publicFiles()) {
            if (!file.toString().endsWith(".js")) continue;
            String code = Files.readString(file).replaceAll("(?m)^\\s*//.*$", "").replaceAll("/\\*[\\s\\S]*?\\*/", "");
            Matcher literal = JS_STRING.matcher(code);
            while (literal.find()) {
                String text = literal.group().substring(1, literal.group().length() - 1).replaceAll("\\$\\{[^}]*}", " ");
                if (PROSE.matcher(text).find()) found.add(file.getFileName() + ": " + literal.group());
            }
        }
        assertThat(found).as("words a person reads belong in messages.yaml").isEmpty();
    }

    @Test
    void every_message_the_pages_ask_for_exists_in_every_language() throws IOException {
        Set<String> keys = new HashSet<>();
        List<Path> sources = new ArrayList<>(publicFiles());
        sources.add(Path.of("src/main/java/org/policyadvisor/web/DeskPage.java"));
        for (Path file : sources) {
            Matcher use = KEY_USE.matcher(Files.readString(file));
            while (use.find()) keys.add(use.group(1) != null ? use.group(1) : use.group(2));
        }
        assertThat(keys).contains("desk.loading", "desk.unknown");
        for (Lang lang : Lang.values()) {
            assertThat(MESSAGES.uiTexts(lang).keySet()).as(lang.tag()).containsAll(keys);
        }
    }

    @Test
    void every_word_on_the_rendered_pages_comes_from_messages_or_the_rules() {
        Set<String> allowed = new HashSet<>();
        for (Lang lang : Lang.values()) allowed.addAll(MESSAGES.uiTexts(lang).values());
        for (Question q : RealRules.ruleset().catalogue().questions()) {
            allowed.addAll(texts(q.label()));
            if (q.hint() != null) allowed.addAll(texts(q.hint()));
            q.valueLabels().values().forEach(v -> allowed.addAll(texts(v)));
        }
        // A claim schedule's page shows the schedule's own words, from rules/ too.
        for (Lang lang : Lang.values()) {
            ClaimSchedules.of(RealRules.ruleset()).all().forEach(schedule ->
                    Json.MAPPER.valueToTree(ScheduleView.of(schedule, RealRules.ruleset().catalogue(), lang)).findValuesAsText("label")
                            .forEach(allowed::add));
            ClaimSchedules.of(RealRules.ruleset()).all().forEach(schedule -> {
                ScheduleView view = ScheduleView.of(schedule, RealRules.ruleset().catalogue(), lang);
                allowed.addAll(List.of(view.name(), view.intro(), view.claimant().label()));
            });
        }
        Pattern words = Pattern.compile(">([^<]+)<|(?<![\\w-])(?:title|aria-label)=\"([^\"]+)\"");
        for (Lang lang : Lang.values()) {
            for (String path : List.of("/", "/mentor", "/rules")) {
                String html = server.get(path + "?lang=" + lang.tag()).body()
                        .replaceAll("(?s)<style>.*?</style>|<script[^>]*>.*?</script>", "");
                Matcher m = words.matcher(html);
                while (m.find()) {
                    String text = unescape(m.group(1) != null ? m.group(1) : m.group(2)).strip();
                    if (!text.isEmpty()) assertThat(allowed).as(path + " in " + lang.tag() + " says " + text).contains(text);
                }
            }
        }
    }

    private static List<String> texts(Text text) {
        return List.copyOf(text.byTag().values());
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static List<Path> publicFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PUBLIC)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
