package org.policyadvisor.ruleset;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' parser errors (ANTLR's words: "mismatched input 'x' expecting 'y'") in policy staff's words. The place is
 * already in the problem; this says what is wrong there and what usually fixes it.
 */
final class ParserMessages {

    private static final Pattern PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern IN_RULE = Pattern.compile("\\s+in rule:?(?:\\s+\"?([^\"]*)\"?)?\\s*$");
    private static final Pattern MISMATCHED = Pattern.compile("^mismatched input '(.*?)'(?: expecting (.+))?$", Pattern.DOTALL);
    private static final Pattern MISSING = Pattern.compile("^missing (.+?) at '(.*?)'$", Pattern.DOTALL);
    private static final Pattern EXTRANEOUS = Pattern.compile("^extraneous input '(.*?)'(?: expecting .+)?$", Pattern.DOTALL);
    private static final Pattern NO_VIABLE = Pattern.compile("^no viable alternative at input '(.*?)'$", Pattern.DOTALL);

    /** What is usually meant where a policy officer writes these words in a condition. */
    private static final Map<String, String> HINTS = Map.of(
            "=", "compare with `==`; `>=` and `<=` end with `=`",
            "and", "inside a pattern, join conditions with `&&` (and) or `||` (or)",
            "or", "inside a pattern, join conditions with `&&` (and) or `||` (or)",
            "in", "write the values in parentheses: `field in (\"A\", \"B\")`",
            "end", "does the rule have its `when` and `then` parts before `end`, and every `(` its `)`?");

    private ParserMessages() {}

    static String words(String message) {
        String text = PREFIX.matcher(message.strip()).replaceFirst("").strip();
        String rule = "";
        Matcher inRule = IN_RULE.matcher(text);
        if (inRule.find()) {
            rule = inRule.group(1) == null || inRule.group(1).isBlank() ? "" : " (rule \"" + inRule.group(1).strip() + "\")";
            text = text.substring(0, inRule.start()).strip();
        }
        return what(text) + rule;
    }

    private static String what(String text) {
        Matcher m = MISMATCHED.matcher(text);
        if (m.matches()) {
            String found = shown(m.group(1));
            String expected = m.group(2) == null ? null : expected(m.group(2));
            if (m.group(1).isEmpty()) return "the text here cannot be read: is a quote `\"` not closed on its line?";
            if (m.group(1).equalsIgnoreCase("<EOF>")) {
                return "the file ends too soon" + (expected == null ? "" : ": " + expected + " is missing") + "; does every rule close with `end`, every `(` with `)`?";
            }
            if (HINTS.containsKey(m.group(1))) return found + " is not expected here: " + HINTS.get(m.group(1));
            return found + " is not expected here" + (expected == null ? "" : "; " + expected + " was expected")
                    + ": is a `)`, `,` or quote missing before it, or one too many?";
        }
        m = MISSING.matcher(text);
        if (m.matches()) return expected(m.group(1)) + " is missing before " + shown(m.group(2));
        m = EXTRANEOUS.matcher(text);
        if (m.matches()) return shown(m.group(1)) + " is one too many here: " + HINTS.getOrDefault(m.group(1), "remove it");
        m = NO_VIABLE.matcher(text);
        if (m.matches()) {
            if (HINTS.containsKey(m.group(1))) return shown(m.group(1)) + " cannot be read here: " + HINTS.get(m.group(1));
            return shown(m.group(1)) + " cannot be read here: look for a typo, or a missing `)`, `,`, `end` or quote just before it";
        }
        return "this cannot be read as rules: look for a typo, or a missing `)`, `end` or quote";
    }

    /**
     * Where the quote is that never closes, when {@code message} is the parser's word for it (an empty input at the end
     * of the file): the last quote of the first line with an odd number of them; -1 otherwise.
     */
    static int unclosedQuote(String message, String text) {
        if (!message.matches("(?s)^\\[ERR \\d+\\] Line \\d+:\\d+ mismatched input ''.*")) return -1;
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            int quotes = 0;
            int last = -1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == '"') {
                    quotes++;
                    last = i;
                }
            }
            if (quotes % 2 == 1) return lineStart + last;
            lineStart += line.length() + 1;
        }
        return -1;
    }

    /** {@code 'end'}, {@code {')', ','}} or {@code RIGHT_PAREN} as the words a policy officer writes. */
    private static String expected(String tokens) {
        String t = tokens.strip();
        if (t.startsWith("{") && t.endsWith("}")) t = t.substring(1, t.length() - 1);
        StringBuilder words = new StringBuilder();
        for (String token : t.split(",\\s*")) {
            String word = token.strip();
            if (word.length() >= 2 && word.startsWith("'") && word.endsWith("'")) word = word.substring(1, word.length() - 1);
            word = switch (word) {
                case "RIGHT_PAREN" -> ")";
                case "LEFT_PAREN" -> "(";
                case "COMMA" -> ",";
                case "SEMICOLON" -> ";";
                case "ID", "IDENTIFIER" -> "a name";
                case "STRING", "DRL_STRING_LITERAL" -> "text in quotes";
                case "<EOF>" -> "the end of the file";
                default -> word;
            };
            if (word.isEmpty() || word.matches("[A-Z_]{3,}")) continue; // a token name no one writes
            if (words.length() > 0) words.append(" or ");
            words.append(word.startsWith("a ") || word.startsWith("text") || word.startsWith("the ") ? word : "`" + word + "`");
        }
        return words.length() == 0 ? "something else" : words.toString();
    }

    private static String shown(String found) {
        return found.equalsIgnoreCase("<EOF>") ? "the end of the file" : "`" + found.replace("\\n", " ").strip() + "`";
    }
}
