package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of an expression or a consequence, for {@link Expressions}: names, numbers, text in double quotes on one
 * line, a few symbols; comments are skipped. Anything else (a text block, a quote that never ends, an escape other
 * than {@code \"} and {@code \\}, a character outside the language) is refused where it is written.
 */
final class Tokens {

    enum Kind { NAME, NUMBER, TEXT, SYMBOL, END }

    record Token(Kind kind, String text, int offset) {
        boolean is(String symbol) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbol);
        }
    }

    private Tokens() {}

    private static final String SYMBOLS = "+-*/(),.;{}!";

    /** Names, numbers, text on one line in double quotes, a few symbols, and comments; nothing else. */
    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) throw new Refused(i, "this comment is never closed with `*/`");
                i = end + 2;
            } else if (c == '"') {
                int start = i;
                i = endOfText(text, i);
                tokens.add(new Token(Kind.TEXT, text.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
                if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
                    i++;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
                }
                if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    throw new Refused(i, "a number is written with digits only, such as 1000 or 0.5");
                }
                if (text.indexOf('.', start) < 0 || text.indexOf('.', start) >= i) {
                    try {
                        Long.parseLong(text.substring(start, i));
                    } catch (NumberFormatException e) {
                        throw new Refused(start, "`" + text.substring(start, i) + "` is too large a number: a whole number is at most " + Long.MAX_VALUE);
                    }
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (c == '$' || c == '_' || isAsciiLetter(c)) {
                int start = i;
                while (i < text.length() && (text.charAt(i) == '$' || text.charAt(i) == '_'
                        || isAsciiLetter(text.charAt(i)) || Character.isDigit(text.charAt(i)))) i++;
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
            } else if (SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                throw new Refused(i, "write text in double quotes: \"…\"");
            } else {
                throw new Refused(i, "`" + c + "` is not part of the rules language here");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Text ends with its closing quote on the same line; the only escapes are \" and \\. */
    private static int endOfText(String text, int start) {
        if (text.startsWith("\"\"\"", start)) throw new Refused(start, "text blocks (\"\"\") are not allowed: write text in double quotes on one line");
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\n' || c == '\r') throw new Refused(start, "text in quotes must end on the line where it starts");
            if (c == '\\') {
                char escaped = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (escaped != '"' && escaped != '\\') throw new Refused(i, "the only escapes allowed in text are \\\" and \\\\");
                i += 2;
            } else {
                i++;
            }
        }
        throw new Refused(start, "this text is never closed with `\"`");
    }
}
