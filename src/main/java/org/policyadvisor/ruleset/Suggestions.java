package org.policyadvisor.ruleset;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for a name that is nearly one that exists: a typo, a different case, a letter too many. */
public final class Suggestions {

    private Suggestions() {}

    /** {@code " (did you mean `x`?)"}, or an empty string when no known name is close. */
    public static String didYouMean(String name, Collection<String> known) {
        String best = closest(name, known);
        return best == null ? "" : " (did you mean `" + best + "`?)";
    }

    static String closest(String name, Collection<String> known) {
        if (name == null || known == null) return null;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && !best.equals(name) && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
