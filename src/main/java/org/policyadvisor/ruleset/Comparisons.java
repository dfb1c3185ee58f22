package org.policyadvisor.ruleset;

import java.util.List;
import java.util.Set;

/**
 * Whether a comparison in a condition can mean something: both sides of one kind, an order ({@code <}, {@code >=} …)
 * only between numbers or between dates, and text compared with a field that has {@code @values} one of those values.
 * The rule engine would otherwise refuse such a condition in its own words, or (a misspelt value) silently never match.
 */
final class Comparisons {

    static final String NUMBER = "number";
    static final String TEXT = "text";
    static final String YES_NO = "yes/no";
    static final String DATE = "date";
    private static final Set<String> ORDERS = Set.of("<", "<=", ">", ">=");

    /** One side of a comparison as written, its type (null when unknown), and the allowed values of the field it reads, if any. */
    record Side(String written, String type, int offset, List<String> values) {

        String kind() {
            return Comparisons.kind(type);
        }

        boolean literal() {
            String w = written.strip();
            return w.startsWith("\"") || w.equals("true") || w.equals("false") || !w.isEmpty() && Character.isDigit(w.charAt(0));
        }

        boolean isNull() {
            return written.strip().equals("null");
        }

        String shown() {
            return "`" + written.strip() + "`";
        }
    }

    /** What is wrong, and where: at the offset of a side, or of the operator. */
    record Mismatch(int offset, String message) {}

    private Comparisons() {}

    /** The kind of a declared or computed type: number, text, yes/no, date, or the name of a declared fact type; null when unknown. */
    static String kind(String type) {
        if (type == null) return null;
        return switch (type) {
            // declared field types, and the names Expressions gives what it computes ("number")
            case "number", "Integer", "int", "Long", "long", "Double", "double", "Number" -> NUMBER;
            case "String" -> TEXT;
            case "Boolean", "boolean" -> YES_NO;
            case "LocalDate" -> DATE;
            default -> type;
        };
    }

    /** A kind in plain words: "a number", "text", "yes/no", "a date", "an Applicant". */
    static String inWords(String kind) {
        return switch (kind) {
            case NUMBER -> "a number";
            case TEXT -> "text";
            case YES_NO -> "yes/no (true or false)";
            case DATE -> "a date";
            default -> ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
        };
    }

    /** @return the mismatch, or null when {@code left operator right} can hold */
    static Mismatch check(Side left, String operator, int operatorOffset, Side right) {
        if (ORDERS.contains(operator) && (left.isNull() || right.isNull())) {
            return new Mismatch(operatorOffset, "`" + operator + "` compares numbers or dates, and `null` is no value: "
                    + "write `== null` (not answered) or `!= null` (answered)");
        }
        String l = left.kind();
        String r = right.kind();
        if (l == null || r == null) return null; // null, or a side already refused
        if (ORDERS.contains(operator)) {
            // A field or a computed value of the wrong kind is the mistake; a literal of the wrong kind is a mismatch (below).
            for (Side side : l.equals(r) ? List.of(left) : List.of(left, right)) {
                String kind = side.kind();
                if (!kind.equals(NUMBER) && !kind.equals(DATE) && (l.equals(r) || !side.literal())) {
                    return new Mismatch(operatorOffset, "`" + operator + "` compares numbers or dates, and " + side.shown() + " is "
                            + inWords(kind) + ": " + (kind.equals(TEXT) || kind.equals(YES_NO) ? "use == or != (or `in`)" : "compare one of its fields"));
                }
            }
        }
        if (!l.equals(r)) {
            Side value = right.literal() || !left.literal() ? right : left;
            Side field = value == right ? left : right;
            return new Mismatch(value.offset(), field.shown() + " is " + inWords(field.kind()) + " and " + value.shown() + " is "
                    + inWords(value.kind()) + ": they cannot be compared; " + hint(field.kind(), value));
        }
        if (l.equals(TEXT)) {
            Mismatch values = values(left, right);
            return values != null ? values : values(right, left);
        }
        return null;
    }

    /** Text compared with a field that lists its values must be one of them, or the condition can never hold. */
    private static Mismatch values(Side field, Side value) {
        if (field.values() == null || field.values().isEmpty() || !value.literal()) return null;
        String text = value.written().strip();
        text = text.substring(1, text.length() - 1);
        if (field.values().contains(text)) return null;
        return new Mismatch(value.offset(), value.shown() + " is not one of the values of " + field.shown() + ": "
                + String.join(", ", field.values()) + Suggestions.didYouMean(text, field.values()));
    }

    private static String hint(String fieldKind, Side value) {
        String written = value.written().strip();
        return switch (fieldKind) {
            case NUMBER -> "write a number without quotes"
                    + (written.matches("\"-?\\d+(\\.\\d+)?\"") ? ", such as " + written.substring(1, written.length() - 1) : ", such as 18");
            case TEXT -> "write the text in double quotes" + (value.literal() ? ", such as \"" + written.replace("\"", "") + "\"" : "");
            case YES_NO -> "compare it with true or false";
            case DATE -> (TEXT.equals(value.kind()) ? "a condition cannot write a date as text: " : "")
                    + "compare it with a date field or a `$variable` bound to one";
            default -> "compare it with another " + fieldKind + ", or compare one of its fields";
        };
    }
}
