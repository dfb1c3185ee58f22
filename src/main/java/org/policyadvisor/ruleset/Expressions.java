package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of the rules language and the statements of a consequence, read by a strict grammar: what this
 * grammar does not describe is refused, whatever it is. Drools' own parsers split a rule into patterns and
 * constraints; they leave each operand as raw text, which is read here.
 *
 * <pre>
 * expression  := term (('+' | '-') term)*
 * term        := unary (('*' | '/') unary)*
 * unary       := ('-' | '!') unary | primary
 * primary     := number | "text on one line" | true | false | null | '(' expression ')'
 *              | Math.min '(' expression ',' expression ')' | Math.max '(' … ')'
 *              | name ('.' field | '.' dateMethod '(' expression ')')*
 * name        := a field of the pattern's type | $binding
 * consequence := (insert '(' new Type '(' expression, … ')' ')' ';'
 *              |  modify '(' $binding ')' '{' setField '(' expression ')', … '}' ';'?
 *              |  ';')*
 * </pre>
 */
final class Expressions {

    static final String NUMBER = "number";
    static final String TEXT = "String";
    static final String BOOLEAN = "Boolean";
    static final String DATE = "LocalDate";

    /** The only methods a rule may call, all pure: on a date, and Math's min and max. */
    static final Map<String, String> DATE_METHODS = Map.of(
            "plusDays", DATE, "plusMonths", DATE, "plusYears", DATE, "minusDays", DATE, "minusMonths", DATE,
            "isBefore", BOOLEAN, "isAfter", BOOLEAN, "isEqual", BOOLEAN);
    static final Set<String> MATH_METHODS = Set.of("min", "max");
    /** Field types that cannot hold null, and the ones that can. */
    private static final Map<String, String> PRIMITIVES_BOXED = Map.of("int", "Integer", "long", "Long", "double", "Double", "boolean", "Boolean");
    private static final Set<String> PRIMITIVES = PRIMITIVES_BOXED.keySet();

    /** What a name can mean where an expression is read, and where each field read is recorded. */
    interface Scope {
        /** The type whose fields can be named alone (inside a pattern), or null (a consequence). */
        String patternType();

        /** The type of a field, or null if {@code type} is not declared or has no such field. */
        String fieldType(String type, String field);

        /** The fields of a declared type (in order), or null if it is not declared. */
        Collection<String> fields(String type);

        /** The type of a bound variable ({@code NUMBER} when only its being a number is known), or null. */
        String binding(String name);

        Collection<String> bindings();

        /** Whether {@code word} is one of the values some field allows by its {@code @values}. */
        default boolean isValue(String word) {
            return false;
        }

        /** {@code "`not`"} when {@code name} was bound inside a {@code not} (or {@code exists}) and has no value here; else null. */
        default String hiddenIn(String name) {
            return null;
        }

        void read(String type, String field);
    }

    /** Refused input, at an offset into the text being read. */
    static final class Refused extends RuntimeException {
        final int offset;

        Refused(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private enum Kind { NAME, NUMBER, TEXT, SYMBOL, END }

    private record Token(Kind kind, String text, int offset) {
        boolean is(String symbol) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbol);
        }
    }

    private final String text;
    private final List<Token> tokens;
    private final Scope scope;
    private int next;

    private Expressions(String text, Scope scope) {
        this.text = text;
        this.tokens = tokenize(text);
        this.scope = scope;
    }

    /** Reads one whole expression and returns its type (null when it cannot be told). */
    static String expression(String text, Scope scope) {
        Expressions reader = new Expressions(text, scope);
        String type = reader.additive();
        reader.expectEnd("the expression should end here");
        return type;
    }

    /** A literal value alone (text, a number, true, false or null): what metadata and declared defaults may be. */
    static void literal(String text) {
        Expressions reader = new Expressions(text, null);
        Token token = reader.peek();
        if (token.is("-")) {
            reader.next++;
            if (reader.peek().kind != Kind.NUMBER) throw new Refused(token.offset, "only a number can be negative");
        }
        Token value = reader.take();
        boolean literal = value.kind == Kind.NUMBER || value.kind == Kind.TEXT
                || value.is("true") || value.is("false") || value.is("null");
        if (!literal) {
            throw new Refused(value.offset, "`" + value.text + "` is not a plain value: write text in double quotes, a number, true or false");
        }
        reader.expectEnd("only one plain value may be written here");
    }

    /** Reads the statements of a consequence; returns how many there are (0 for an empty one). */
    static int consequence(String text, Scope scope) {
        Expressions reader = new Expressions(text, scope);
        int statements = 0;
        while (reader.peek().kind != Kind.END) {
            Token first = reader.take();
            if (first.is(";")) continue;
            if (first.is("insert")) {
                reader.insert();
            } else if (first.is("modify")) {
                reader.modify();
            } else {
                throw new Refused(first.offset, "a consequence may only hold `insert(new Type(…));` and `modify($fact) { setField(…) }`; `"
                        + first.text + "` cannot start a statement");
            }
            statements++;
        }
        return statements;
    }

    // ---- statements ------------------------------------------------------------------------------------------

    private void insert() {
        expect("(", "write `insert(new Type(…));`");
        expect("new", "write `insert(new Type(…));`");
        Token type = take();
        Collection<String> fields = type.kind == Kind.NAME ? scope.fields(type.text) : null;
        if (fields == null) {
            throw new Refused(type.offset, "`" + type.text + "` is not a type declared in the rules" + Suggestions.didYouMean(type.text, declaredTypes()));
        }
        expect("(", "write the values of every field of " + type.text + " in order: `new " + type.text + "(…)`");
        int values = 0;
        List<String> names = List.copyOf(fields);
        if (!peek().is(")")) {
            do {
                int start = next;
                String kind = Comparisons.kind(additive());
                if (values < names.size()) fits(start, kind, type.text, names.get(values));
                values++;
            } while (accept(","));
        }
        expect(")", "close the list of values with `)`");
        if (values != fields.size()) {
            throw new Refused(type.offset, "`new " + type.text + "(…)` needs " + fields.size() + " values, one per field in order ("
                    + String.join(", ", fields) + "); found " + values);
        }
        expect(")", "close `insert(` with `)`");
        expect(";", "end the statement with `;`");
    }

    private void modify() {
        expect("(", "write `modify($fact) { setField(…) }`");
        Token variable = take();
        String type = variable.kind == Kind.NAME ? scope.binding(variable.text) : null;
        if (type == null || scope.fields(type) == null) {
            throw new Refused(variable.offset, "`modify` needs a variable bound to a fact in the `when` part, such as `$claim : Claim(…)`"
                    + Suggestions.didYouMean(variable.text, scope.bindings()));
        }
        expect(")", "write `modify(" + variable.text + ") { setField(…) }`");
        expect("{", "write `modify(" + variable.text + ") { setField(…) }`");
        do {
            Token setter = take();
            String field = setter.kind == Kind.NAME && setter.text.startsWith("set") && setter.text.length() > 3
                    ? Character.toLowerCase(setter.text.charAt(3)) + setter.text.substring(4) : null;
            if (field == null || scope.fieldType(type, field) == null) {
                List<String> setters = scope.fields(type).stream().map(Expressions::setter).toList();
                throw new Refused(setter.offset, "`" + setter.text + "` does not set a field of " + type
                        + Suggestions.didYouMean(setter.text, setters));
            }
            expect("(", "write `" + setter.text + "(value)`");
            int start = next;
            fits(start, Comparisons.kind(additive()), type, field);
            expect(")", "close `" + setter.text + "(` with `)`");
        } while (accept(","));
        expect("}", "separate the fields with `,` and close the block with `}`");
        accept(";");
    }

    /** A value given to {@code type.field}, read from token {@code start}: of the field's kind, or refused. */
    private void fits(int start, String kind, String type, String field) {
        String declared = scope.fieldType(type, field);
        if (PRIMITIVES.contains(declared) && written(start).equals("null")) {
            throw new Refused(tokens.get(start).offset, "`" + field + "` of " + type + " is declared `" + declared + "`, which cannot be empty: "
                    + "give it a value, or declare it `" + PRIMITIVES_BOXED.get(declared) + "`");
        }
        String wanted = Comparisons.kind(declared);
        if (kind == null || wanted == null || kind.equals(wanted)) return;
        throw new Refused(tokens.get(start).offset, "`" + written(start) + "` is " + Comparisons.inWords(kind) + ", and `" + field + "` of "
                + type + " is " + Comparisons.inWords(wanted) + ": give it a value of that kind");
    }

    static String setter(String field) {
        return "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    // ---- expressions -----------------------------------------------------------------------------------------

    private String additive() {
        int start = next;
        String type = term();
        while (peek().is("+") || peek().is("-")) {
            Token operator = take();
            int right = next;
            String rightType = term();
            if (operator.is("+") && (TEXT.equals(type) || TEXT.equals(rightType))) {
                type = TEXT; // joining text
                continue;
            }
            numbers(operator, type, start, rightType, right);
            type = NUMBER;
        }
        return type;
    }

    private String term() {
        int start = next;
        String type = unary();
        while (peek().is("*") || peek().is("/")) {
            Token operator = take();
            int right = next;
            numbers(operator, type, start, unary(), right);
            type = NUMBER;
        }
        return type;
    }

    private String unary() {
        if (peek().is("-") || peek().is("!")) {
            Token operator = take();
            int start = next;
            String type = unary();
            String wanted = operator.is("-") ? Comparisons.NUMBER : Comparisons.YES_NO;
            String kind = Comparisons.kind(type);
            if (kind != null && !kind.equals(wanted)) {
                throw new Refused(operator.offset, "`" + operator.text + "` works on " + (operator.is("-") ? "numbers" : "yes/no values")
                        + ", and `" + written(start) + "` is " + Comparisons.inWords(kind));
            }
            return operator.is("-") ? NUMBER : BOOLEAN;
        }
        return primary();
    }

    /** Arithmetic works on numbers: both sides of {@code operator}, which start at tokens {@code left} and {@code right}. */
    private void numbers(Token operator, String leftType, int left, String rightType, int right) {
        for (int side = 0; side < 2; side++) {
            String kind = Comparisons.kind(side == 0 ? leftType : rightType);
            if (kind != null && !kind.equals(Comparisons.NUMBER)) {
                String shown = side == 0 ? text.substring(tokens.get(left).offset, operator.offset).strip() : written(right);
                throw new Refused(operator.offset, "`" + operator.text + "` works on numbers, and `" + shown + "` is " + Comparisons.inWords(kind));
            }
        }
    }

    /** The text of the tokens from {@code start} up to the last one taken. */
    private String written(int start) {
        Token last = tokens.get(Math.max(start, next - 1));
        return text.substring(tokens.get(start).offset, last.offset + last.text.length()).strip();
    }

    /** An argument of a method: {@code kind} or unknown, else refused at its start. */
    private void argument(String method, String kind) {
        int start = next;
        String found = Comparisons.kind(additive());
        if (found != null && !found.equals(kind)) {
            throw new Refused(tokens.get(start).offset, "`" + method + "` takes " + Comparisons.inWords(kind) + ", and `" + written(start)
                    + "` is " + Comparisons.inWords(found));
        }
    }

    private String primary() {
        Token token = take();
        switch (token.kind) {
            case NUMBER:
                return NUMBER;
            case TEXT:
                return TEXT;
            case END:
                throw new Refused(token.offset, "a value is missing here");
            case SYMBOL:
                if (token.is("(")) {
                    String type = additive();
                    expect(")", "close the parenthesis with `)`");
                    return type;
                }
                throw new Refused(token.offset, "`" + token.text + "` is not allowed here: write a value, a field or a `$variable`");
            default:
                break;
        }
        if (token.is("true") || token.is("false")) return BOOLEAN;
        if (token.is("null")) return null;
        if (token.is("Math")) return math(token);
        if (token.is("new")) throw new Refused(token.offset, "`new` may only be used as `insert(new Type(…));` in a consequence");
        String type = name(token);
        while (peek().is(".")) {
            take();
            type = member(type, take());
        }
        if (peek().is("(")) throw new Refused(token.offset, "`" + token.text + "(…)` is not a method rules may call; " + methods());
        return type;
    }

    private String math(Token math) {
        expect(".", "only `Math.min(a, b)` and `Math.max(a, b)` may be used");
        Token method = take();
        if (!MATH_METHODS.contains(method.text)) {
            throw new Refused(method.offset, "`Math." + method.text + "` is not a method rules may call; " + methods());
        }
        expect("(", "write `Math." + method.text + "(a, b)`");
        argument("Math." + method.text, Comparisons.NUMBER);
        expect(",", "write `Math." + method.text + "(a, b)`");
        argument("Math." + method.text, Comparisons.NUMBER);
        expect(")", "write `Math." + method.text + "(a, b)`");
        return NUMBER;
    }

    /** A name alone: a bound variable, or a field of the pattern being matched. */
    private String name(Token token) {
        if (token.kind != Kind.NAME) throw new Refused(token.offset, "`" + token.text + "` is not allowed here");
        if (token.text.startsWith("$")) {
            String type = scope.binding(token.text);
            if (type == null && scope.hiddenIn(token.text) != null) {
                throw new Refused(token.offset, "`" + token.text + "` is bound inside " + scope.hiddenIn(token.text)
                        + ", so it has no value here: bind it in a pattern outside " + scope.hiddenIn(token.text));
            }
            if (type == null) {
                throw new Refused(token.offset, "`" + token.text + "` is not bound in the `when` part of this rule"
                        + Suggestions.didYouMean(token.text, scope.bindings()));
            }
            return type;
        }
        String pattern = scope.patternType();
        if (pattern == null) {
            throw new Refused(token.offset, "`" + token.text + "` is not a `$variable` bound in the `when` part"
                    + Suggestions.didYouMean(token.text, scope.bindings()));
        }
        String type = scope.fieldType(pattern, token.text);
        if (type == null) {
            String suggestion = Suggestions.didYouMean(token.text, scope.fields(pattern));
            if (scope.isValue(token.text)) suggestion = "; to compare with the value " + token.text + ", write it in quotes: \"" + token.text + "\"";
            throw new Refused(token.offset, "`" + token.text + "` is not a field of " + pattern
                    + (suggestion.isEmpty() ? elsewhere(token.text) : suggestion));
        }
        scope.read(pattern, token.text);
        return type;
    }

    /** "; it is a field of Claim: …" when another declared type has that field; empty otherwise. */
    private String elsewhere(String field) {
        List<String> owners = declaredTypes().stream().filter(t -> scope.fieldType(t, field) != null).toList();
        if (owners.isEmpty()) return "";
        return "; it is a field of " + String.join(" and of ", owners) + ": read it in a pattern of that type, such as `"
                + owners.get(0) + "(" + field + " …)`, or through a `$variable` bound to one";
    }

    /** {@code .field} of a declared fact, or an allowed method of a date. */
    private String member(String type, Token member) {
        if (member.kind != Kind.NAME) throw new Refused(member.offset, "a field name is missing after `.`");
        if (DATE.equals(type)) {
            String result = DATE_METHODS.get(member.text);
            if (result == null) throw new Refused(member.offset, "`" + member.text + "` is not a method rules may call; " + methods());
            expect("(", "write `." + member.text + "(…)`");
            argument(member.text, BOOLEAN.equals(result) ? Comparisons.DATE : Comparisons.NUMBER);
            expect(")", "a date method takes one value: `." + member.text + "(…)`");
            return result;
        }
        Collection<String> fields = type == null ? null : scope.fields(type);
        if (fields == null) {
            throw new Refused(member.offset, "`." + member.text + "` can only read a field of a fact declared in the rules, or call a date method");
        }
        if (peek().is("(")) {
            throw new Refused(member.offset, "`" + member.text + "(…)` is not a method rules may call; read a field by its name, such as `$a.age`");
        }
        String fieldType = scope.fieldType(type, member.text);
        if (fieldType == null) {
            throw new Refused(member.offset, "`" + member.text + "` is not a field of " + type + Suggestions.didYouMean(member.text, fields));
        }
        scope.read(type, member.text);
        return fieldType;
    }

    private static String methods() {
        return "the only ones are Math.min, Math.max and, on a date, " + String.join(", ", DATE_METHODS.keySet().stream().sorted().toList());
    }

    private Collection<String> declaredTypes() {
        return scope instanceof TypeNames names ? names.types() : List.of();
    }

    /** A scope that can also list the declared types, for suggestions. */
    interface TypeNames {
        Collection<String> types();
    }

    // ---- tokens ----------------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind != Kind.END) next++;
        return token;
    }

    private boolean accept(String symbol) {
        if (!peek().is(symbol)) return false;
        next++;
        return true;
    }

    private void expect(String symbol, String hint) {
        Token token = peek();
        if (!token.is(symbol)) {
            throw new Refused(token.offset, (token.kind == Kind.END ? "`" + symbol + "` is missing" : "`" + symbol + "` was expected instead of `" + token.text + "`") + ": " + hint);
        }
        next++;
    }

    private void expectEnd(String message) {
        Token token = peek();
        if (token.kind != Kind.END) throw new Refused(token.offset, "`" + token.text + "` is not allowed here: " + message);
    }

    private static final String SYMBOLS = "+-*/(),.;{}!";

    /** Names, numbers, text on one line in double quotes, a few symbols, and comments; nothing else. */
    private static List<Token> tokenize(String text) {
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
