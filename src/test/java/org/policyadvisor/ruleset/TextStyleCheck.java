package org.policyadvisor.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that every text is written in the style of its language: 简体 (zh-Hans) has no Traditional-only character,
 * 繁體 (zh-Hant) has no Simplified-only character and no Taiwan usage (it is read in Hong Kong), and English uses British
 * spelling. The characters come from OpenCC's conversion tables (STCharacters.txt, TSCharacters.txt), the Taiwan
 * terms and the British/American pairs from the lists in src/test/resources/textstyle/.
 *
 * <p>A character is script-only when it converts to something else and never to itself, and the other script's table
 * neither converts it nor produces it: 门 is Simplified only, 門 Traditional only, but 里, 后, 干, 台, 只, 系 (each also a
 * Traditional character) and 乾 (also Simplified) belong to both scripts and are never flagged.
 */
final class TextStyleCheck {

    /** How a text is read: in one language, or as source-language material (rule files, quotes, names of the source). */
    enum Style { ZH_HANS, ZH_HANT, EN, SOURCE }

    /** One text to check; {@code where} names the file and place, for the failure message. */
    record Passage(String where, Style style, String text) {}

    private static final String OPENCC = "/data/dictionary/";
    // Prose, not an identifier: no letter, digit or identifier punctuation on either side (home-service-center,
    // @program, programs/, program-in-effect are code). Case-sensitive, so ORGANIZATION (an enum value) is not prose.
    private static final String BEFORE = "(?<![\\p{L}\\p{N}_@/.\\-])";
    private static final String AFTER = "(?![\\p{L}\\p{N}_/(\\-])";

    private final Map<Integer, String> simplifiedOnly;   // character -> its Traditional forms
    private final Map<Integer, String> traditionalOnly;  // character -> its Simplified forms
    private final Map<String, String> taiwanToHongKong;
    private final Map<String, String> americanToBritish;
    private final Pattern american;

    private TextStyleCheck(Map<Integer, List<Integer>> simplifiedToTraditional, Map<Integer, List<Integer>> traditionalToSimplified,
                           Set<Integer> taiwanVariants, Map<String, String> taiwanToHongKong, Map<String, String> americanToBritish) {
        this.simplifiedOnly = scriptOnly(simplifiedToTraditional, traditionalToSimplified, taiwanVariants);
        this.traditionalOnly = scriptOnly(traditionalToSimplified, simplifiedToTraditional, Set.of());
        this.taiwanToHongKong = taiwanToHongKong;
        this.americanToBritish = americanToBritish;
        this.american = Pattern.compile(BEFORE + "(" + americanToBritish.keySet().stream()
                .flatMap(w -> List.of(w, capitalised(w)).stream()).map(Pattern::quote).collect(Collectors.joining("|")) + ")" + AFTER);
    }

    /** OpenCC's character tables from the classpath (the opencc4j test dependency) and the project's lists. */
    static TextStyleCheck load() {
        Set<Integer> taiwanVariants = new HashSet<>();
        openCcCharacters("TWVariants.txt").values().forEach(taiwanVariants::addAll);
        return new TextStyleCheck(openCcCharacters("STCharacters.txt"), openCcCharacters("TSCharacters.txt"), taiwanVariants,
                pairs("/textstyle/zh-Hant-taiwan-usage.txt", false), pairs("/textstyle/en-british-american.txt", true));
    }

    /** The problems of one text, each naming where it is; empty when the text is in style. */
    List<String> check(Passage passage) {
        List<String> problems = new ArrayList<>();
        String text = passage.text();
        Style style = passage.style();
        if (style != Style.EN) {
            Map<Integer, String> foreign = style == Style.ZH_HANT ? simplifiedOnly : traditionalOnly;
            String kind = style == Style.ZH_HANT ? "Simplified-only character %s in a 繁體 text (write %s)"
                    : "Traditional-only character %s in a 简体 text (write %s)";
            text.codePoints().distinct().filter(foreign::containsKey).forEach(c ->
                    problems.add(passage.where() + ": " + kind.formatted(Character.toString(c), foreign.get(c))));
        }
        if (style == Style.ZH_HANT) {
            taiwanToHongKong.forEach((taiwan, hongKong) -> {
                if (text.contains(taiwan)) problems.add(passage.where() + ": Taiwan usage " + taiwan + " in a 繁體 text for Hong Kong (write " + hongKong + ")");
            });
        }
        if (style == Style.EN || style == Style.SOURCE) {
            Matcher m = american.matcher(text);
            while (m.find()) {
                String word = m.group(1);
                String british = americanToBritish.get(word.toLowerCase(Locale.ROOT));
                problems.add(passage.where() + ": American spelling '" + word + "' (British: '"
                        + (Character.isUpperCase(word.charAt(0)) ? capitalised(british) : british) + "')");
            }
        }
        return problems;
    }

    List<String> check(List<Passage> passages) {
        return passages.stream().flatMap(p -> check(p).stream()).toList();
    }

    /** Every text of a rules directory: the language maps of its YAML files, their other strings, and its DRL files. */
    static List<Passage> passages(Path rulesDir) {
        List<Passage> out = new ArrayList<>();
        for (RuleFile file : RulesDirectory.read(rulesDir)) {
            String where = "rules/" + file.path();
            if (file.path().endsWith(".drl")) out.add(new Passage(where, Style.SOURCE, file.text()));
            else out.addAll(passagesOfYaml(where, file.text()));
        }
        return out;
    }

    /** The texts of a YAML file: a string under zh-Hans, zh-Hant or en is in that language; any other string or key is source material. */
    static List<Passage> passagesOfYaml(String where, String yaml) {
        List<Passage> out = new ArrayList<>();
        try {
            walk(new ObjectMapper(new YAMLFactory()).readTree(yaml), where + ": ", out);
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        }
        return out;
    }

    private static void walk(JsonNode node, String where, List<Passage> out) {
        if (node == null) return;
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String name = field.getKey();
                JsonNode value = field.getValue();
                Style style = switch (name) {
                    case "zh-Hans" -> Style.ZH_HANS;
                    case "zh-Hant" -> Style.ZH_HANT;
                    case "en" -> Style.EN;
                    default -> null;
                };
                if (style != null && value.isTextual()) {
                    out.add(new Passage(where + "/" + name, style, value.asText()));
                } else {
                    // a key is an identifier, or a name from the source (the groups of ¶9): only its characters are checked
                    if (name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                        out.add(new Passage(where + "/" + name + " (key)", Style.SOURCE, name));
                    }
                    walk(value, where + "/" + name, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), where + "/" + i, out);
        } else if (node.isTextual()) {
            out.add(new Passage(where, Style.SOURCE, node.asText()));
        }
    }

    /**
     * Characters of one script that belong to it only: the table converts them to other characters only, and they are
     * never characters of the other script (converted by the reverse table, produced by this one, or among {@code alsoOther}).
     * OpenCC's Traditional is the old standard (峯, 羣), so the forms its Taiwan table writes instead (峰, 群) count as
     * Traditional too.
     */
    private static Map<Integer, String> scriptOnly(Map<Integer, List<Integer>> table, Map<Integer, List<Integer>> reverse, Set<Integer> alsoOther) {
        Set<Integer> ofTheOtherScript = new HashSet<>(reverse.keySet());
        table.values().forEach(ofTheOtherScript::addAll);
        ofTheOtherScript.addAll(alsoOther);
        Map<Integer, String> only = new HashMap<>();
        table.forEach((c, targets) -> {
            if (!targets.contains(c) && !ofTheOtherScript.contains(c)) {
                only.put(c, targets.stream().map(Character::toString).collect(Collectors.joining("/")));
            }
        });
        return only;
    }

    /** An OpenCC character table: a character, a tab, its conversions separated by spaces. */
    private static Map<Integer, List<Integer>> openCcCharacters(String name) {
        Map<Integer, List<Integer>> table = new HashMap<>();
        for (String line : lines(OPENCC + name)) {
            String[] parts = line.split("[\t ]+");
            if (parts.length < 2) continue;
            List<Integer> targets = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) targets.add(parts[i].codePointAt(0));
            table.put(parts[0].codePointAt(0), targets);
        }
        if (table.isEmpty()) throw new IllegalStateException(name + " is empty");
        return table;
    }

    /** A list of pairs, two words a line, {@code #} comments; keyed by the second word when {@code reversed}. */
    private static Map<String, String> pairs(String resource, boolean reversed) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) continue;
            String[] words = content.split("\\s+");
            if (reversed) pairs.put(words[1], words[0]);
            else pairs.put(words[0], words[1]);
        }
        return pairs;
    }

    /** The Taiwan terms of the list that it says come from OpenCC's tables. */
    static List<String> taiwanTermsFromOpenCc() {
        return lines("/textstyle/zh-Hant-taiwan-usage.txt").stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && l.endsWith("[opencc]")).map(l -> l.split("\\s+")[0]).toList();
    }

    /** Every conversion target of OpenCC's Taiwan tables (TWPhrases.txt, TWVariants.txt). */
    static Set<String> openCcTaiwanForms() {
        Set<String> forms = new HashSet<>();
        for (String name : List.of("TWPhrases.txt", "TWVariants.txt")) {
            for (String line : lines(OPENCC + name)) {
                String[] parts = line.split("[\t ]+");
                for (int i = 1; i < parts.length; i++) forms.add(parts[i]);
            }
        }
        return forms;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = TextStyleCheck.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the classpath (OpenCC's data comes with the opencc4j test dependency)");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
