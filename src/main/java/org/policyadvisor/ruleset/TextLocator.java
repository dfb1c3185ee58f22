package org.policyadvisor.ruleset;

import java.util.List;

/** Turns a place in a rule file (an offset, or a piece of text to find) into {@code file:line:column}. */
public final class TextLocator {

    private TextLocator() {}

    /** The problem at character {@code offset} of {@code file} (1-based line and column). */
    public static RuleProblem at(RuleFile file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(file.path(), line, end - lineStart + 1, message);
    }

    /** The offset of a 1-based line and 0-based column, as Drools' parser gives them; -1 when unknown. */
    static int offset(String text, int line, int column) {
        if (line < 1) return -1;
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) return -1;
        }
        return offset + Math.max(column, 0);
    }

    /**
     * The first line of the named file (or, when {@code fileName} is null, of any DRL file) that contains
     * {@code needle}; the file alone when nothing matches.
     */
    static RuleProblem find(List<RuleFile> files, String fileName, String needle, String message) {
        if (needle != null) {
            for (RuleFile file : files) {
                if (fileName != null && !file.path().equals(fileName) && !file.fileName().equals(fileName)) continue;
                if (fileName == null && !file.isDrl()) continue;
                String text = file.text();
                int at = text.indexOf(needle);
                if (at >= 0) return at(file, text, at, message);
            }
        }
        return RuleProblem.in(fileName, message);
    }
}
