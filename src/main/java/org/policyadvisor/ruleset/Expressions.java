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

    private final String text;
    private final List<Tokens.Token> tokens;
    private final Scope scope;
    private int next;

    private Expressions(String text, Scope scope) {
        this.text = text;
        this.tokens = Tokens.of(text);
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
        Tokens.Token token = reader.peek();
        if (token.is("-")) {
            reader.next++;
            if (reader.peek().kind() != Tokens.Kind.NUMBER) throw new Refused(token.offset(), "only a number can be negative");
        }
        Tokens.Token value = reader.take();
        boolean literal = value.kind() == Tokens.Kind.NUMBER || value.kind() == Tokens.Kind.TEXT
                || value.is("true") || value.is("false") || value.is("null");
        if (!literal) {
            throw new Refused(value.offset(), "`" + value.text() + "` is not a plain value: write text in double quotes, a number, true or false");
        }
        reader.expectEnd("only one plain value may be written here");
    }

    /** Reads the statements of a consequence; returns how many there are (0 for an empty one). */
    static int consequence(String text, Scope scope) {
        Expressions reader = new Expressions(text, scope);
        int statements = 0;
        while (reader.peek().kind() != Tokens.Kind.END) {
            Tokens.Token first = reader.take();
            if (first.is(";")) continue;
            if (first.is("insert")) {
                reader.insert();
            } else if (first.is("modify")) {
                reader.modify();
            } else {
                throw new Refused(first.offset(), "a consequence may only hold `insert(new Type(…));` and `modify($fact) { setField(…) }`; `"
                        + first.text() + "` cannot start a statement");
            }
            statements++;
        }
        return statements;
    }

    // ---- statements ------------------------------------------------------------------------------------------

    private void insert() {
        expect("(", "write `insert(new Type(…));`");
        expect("new", "write `insert(new Type(…));`");
        Tokens.Token type = take();
        Collection<String> fields = type.kind() == Tokens.Kind.NAME ? scope.fields(type.text()) : null;
        if (fields == null) {
            throw new Refused(type.offset(), "`" + type.text() + "` is not a type declared in the rules" + Suggestions.didYouMean(type.text(), declaredTypes()));
        }
        expect("(", "write the values of every field of " + type.text() + " in order: `new " + type.text() + "(…)`");
        int values = 0;
        List<String> names = List.copyOf(fields);
        if (!peek().is(")")) {
            do {
                int start = next;
                String kind = Comparisons.kind(additive());
                if (values < names.size()) fits(start, kind, type.text(), names.get(values));
                values++;
            } while (accept(","));
        }
        expect(")", "close the list of values with `)`");
        if (values != fields.size()) {
            throw new Refused(type.offset(), "`new " + type.text() + "(…)` needs " + fields.size() + " values, one per field in order ("
                    + String.join(", ", fields) + "); found " + values);
        }
        expect(")", "close `insert(` with `)`");
        expect(";", "end the statement with `;`");
    }

    private void modify() {
        expect("(", "write `modify($fact) { setField(…) }`");
        Tokens.Token variable = take();
        String type = variable.kind() == Tokens.Kind.NAME ? scope.binding(variable.text()) : null;
        if (type == null || scope.fields(type) == null) {
            throw new Refused(variable.offset(), "`modify` needs a variable bound to a fact in the `when` part, such as `$claim : Claim(…)`"
                    + Suggestions.didYouMean(variable.text(), scope.bindings()));
        }
        expect(")", "write `modify(" + variable.text() + ") { setField(…) }`");
        expect("{", "write `modify(" + variable.text() + ") { setField(…) }`");
        do {
            Tokens.Token setter = take();
            String field = setter.kind() == Tokens.Kind.NAME && setter.text().startsWith("set") && setter.text().length() > 3
                    ? Character.toLowerCase(setter.text().charAt(3)) + setter.text().substring(4) : null;
            if (field == null || scope.fieldType(type, field) == null) {
                List<String> setters = scope.fields(type).stream().map(Expressions::setter).toList();
                throw new Refused(setter.offset(), "`" + setter.text() + "` does not set a field of " + type
                        + Suggestions.didYouMean(setter.text(), setters));
            }
            expect("(", "write `" + setter.text() + "(value)`");
            int start = next;
            fits(start, Comparisons.kind(additive()), type, field);
            expect(")", "close `" + setter.text() + "(` with `)`");
        } while (accept(","));
        expect("}", "separate the fields with `,` and close the block with `}`");
        accept(";");
    }

    /** A value given to {@code type.field}, read from token {@code start}: of the field's kind, or refused. */
    private void fits(int start, String kind, String type, String field) {
        String declared = scope.fieldType(type, field);
        if (PRIMITIVES.contains(declared) && written(start).equals("null")) {
            throw new Refused(tokens.get(start).offset(), "`" + field + "` of " + type + " is declared `" + declared + "`, which cannot be empty: "
                    + "give it a value, or declare it `" + PRIMITIVES_BOXED.get(declared) + "`");
        }
        String wanted = Comparisons.kind(declared);
        if (kind == null || wanted == null || kind.equals(wanted)) return;
        throw new Refused(tokens.get(start).offset(), "`" + written(start) + "` is " + Comparisons.inWords(kind) + ", and `" + field + "` of "
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
            Tokens.Token operator = take();
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
            Tokens.Token operator = take();
            int right = next;
            numbers(operator, type, start, unary(), right);
            type = NUMBER;
        }
        return type;
    }

    private String unary() {
        if (peek().is("-") || peek().is("!")) {
            Tokens.Token operator = take();
            int start = next;
            String type = unary();
            String wanted = operator.is("-") ? Comparisons.NUMBER : Comparisons.YES_NO;
            String kind = Comparisons.kind(type);
            if (kind != null && !kind.equals(wanted)) {
                throw new Refused(operator.offset(), "`" + operator.text() + "` works on " + (operator.is("-") ? "numbers" : "yes/no values")
                        + ", and `" + written(start) + "` is " + Comparisons.inWords(kind));
            }
            return operator.is("-") ? NUMBER : BOOLEAN;
        }
        return primary();
    }

    /** Arithmetic works on numbers: both sides of {@code operator}, which start at tokens {@code left} and {@code right}. */
    private void numbers(Tokens.Token operator, String leftType, int left, String rightType, int right) {
        for (int side = 0; side < 2; side++) {
            String kind = Comparisons.kind(side == 0 ? leftType : rightType);
            if (kind != null && !kind.equals(Comparisons.NUMBER)) {
                String shown = side == 0 ? text.substring(tokens.get(left).offset(), operator.offset()).strip() : written(right);
                throw new Refused(operator.offset(), "`" + operator.text() + "` works on numbers, and `" + shown + "` is " + Comparisons.inWords(kind));
            }
        }
    }

    /** The text of the tokens from {@code start} up to the last one taken. */
    private String written(int start) {
        Tokens.Token last = tokens.get(Math.max(start, next - 1));
        return text.substring(tokens.get(start).offset(), last.offset() + last.text().length()).strip();
    }

    /** An argument of a method: {@code kind} or unknown, else refused at its start. */
    private void argument(String method, String kind) {
        int start = next;
        String found = Comparisons.kind(additive());
        if (found != null && !found.equals(kind)) {
            throw new Refused(tokens.get(start).offset(), "`" + method + "` takes " + Comparisons.inWords(kind) + ", and `" + written(start)
                    + "` is " + Comparisons.inWords(found));
        }
    }

    private String primary() {
        Tokens.Token token = take();
        switch (token.kind()) {
            case NUMBER:
                return NUMBER;
            case TEXT:
                return TEXT;
            case END:
                throw new Refused(token.offset(), "a value is missing here");
            case SYMBOL:
                if (token.is("(")) {
                    String type = additive();
                    expect(")", "close the parenthesis with `)`");
                    return type;
                }
                throw new Refused(token.offset(), "`" + token.text() + "` is not allowed here: write a value, a field or a `$variable`");
            default:
                break;
        }
        if (token.is("true") || token.is("false")) return BOOLEAN;
        if (token.is("null")) return null;
        if (token.is("Math")) return math(token);
        if (token.is("new")) throw new Refused(token.offset(), "`new` may only be used as `insert(new Type(…));` in a consequence");
        String type = name(token);
        while (peek().is(".")) {
            take();
            type = member(type, take());
        }
        if (peek().is("(")) throw new Refused(token.offset(), "`" + token.text() + "(…)` is not a method rules may call; " + methods());
        return type;
    }

    private String math(Tokens.Token math) {
        expect(".", "only `Math.min(a, b)` and `Math.max(a, b)` may be used");
        Tokens.Token method = take();
        if (!MATH_METHODS.contains(method.text())) {
            throw new Refused(method.offset(), "`Math." + method.text() + "` is not a method rules may call; " + methods());
        }
        expect("(", "write `Math." + method.text() + "(a, b)`");
        argument("Math." + method.text(), Comparisons.NUMBER);
        expect(",", "write `Math." + method.text() + "(a, b)`");
        argument("Math." + method.text(), Comparisons.NUMBER);
        expect(")", "write `Math." + method.text() + "(a, b)`");
        return NUMBER;
    }

    /** A name alone: a bound variable, or a field of the pattern being matched. */
    private String name(Tokens.Token token) {
        if (token.kind() != Tokens.Kind.NAME) throw new Refused(token.offset(), "`" + token.text() + "` is not allowed here");
        if (token.text().startsWith("$")) {
            String type = scope.binding(token.text());
            if (type == null && scope.hiddenIn(token.text()) != null) {
                throw new Refused(token.offset(), "`" + token.text() + "` is bound inside " + scope.hiddenIn(token.text())
                        + ", so it has no value here: bind it in a pattern outside " + scope.hiddenIn(token.text()));
            }
            if (type == null) {
                throw new Refused(token.offset(), "`" + token.text() + "` is not bound in the `when` part of this rule"
                        + Suggestions.didYouMean(token.text(), scope.bindings()));
            }
            return type;
        }
        String pattern = scope.patternType();
        if (pattern == null) {
            throw new Refused(token.offset(), "`" + token.text() + "` is not a `$variable` bound in the `when` part"
                    + Suggestions.didYouMean(token.text(), scope.bindings()));
        }
        String type = scope.fieldType(pattern, token.text());
        if (type == null) {
            String suggestion = Suggestions.didYouMean(token.text(), scope.fields(pattern));
            if (scope.isValue(token.text())) suggestion = "; to compare with the value " + token.text() + ", write it in quotes: \"" + token.text() + "\"";
            throw new Refused(token.offset(), "`" + token.text() + "` is not a field of " + pattern
                    + (suggestion.isEmpty() ? elsewhere(token.text()) : suggestion));
        }
        scope.read(pattern, token.text());
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
    private String member(String type, Tokens.Token member) {
        if (member.kind() != Tokens.Kind.NAME) throw new Refused(member.offset(), "a field name is missing after `.`");
        if (DATE.equals(type)) {
            String result = DATE_METHODS.get(member.text());
            if (result == null) throw new Refused(member.offset(), "`" + member.text() + "` is not a method rules may call; " + methods());
            expect("(", "write `." + member.text() + "(…)`");
            argument(member.text(), BOOLEAN.equals(result) ? Comparisons.DATE : Comparisons.NUMBER);
            expect(")", "a date method takes one value: `." + member.text() + "(…)`");
            return result;
        }
        Collection<String> fields = type == null ? null : scope.fields(type);
        if (fields == null) {
            throw new Refused(member.offset(), "`." + member.text() + "` can only read a field of a fact declared in the rules, or call a date method");
        }
        if (peek().is("(")) {
            throw new Refused(member.offset(), "`" + member.text() + "(…)` is not a method rules may call; read a field by its name, such as `$a.age`");
        }
        String fieldType = scope.fieldType(type, member.text());
        if (fieldType == null) {
            throw new Refused(member.offset(), "`" + member.text() + "` is not a field of " + type + Suggestions.didYouMean(member.text(), fields));
        }
        scope.read(type, member.text());
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

    private Tokens.Token peek() {
        return tokens.get(next);
    }

    private Tokens.Token take() {
        Tokens.Token token = tokens.get(next);
        if (token.kind() != Tokens.Kind.END) next++;
        return token;
    }

    private boolean accept(String symbol) {
        if (!peek().is(symbol)) return false;
        next++;
        return true;
    }

    private void expect(String symbol, String hint) {
        Tokens.Token token = peek();
        if (!token.is(symbol)) {
            throw new Refused(token.offset(), (token.kind() == Tokens.Kind.END ? "`" + symbol + "` is missing" : "`" + symbol + "` was expected instead of `" + token.text() + "`") + ": " + hint);
        }
        next++;
    }

    private void expectEnd(String message) {
        Tokens.Token token = peek();
        if (token.kind() != Tokens.Kind.END) throw new Refused(token.offset(), "`" + token.text() + "` is not allowed here: " + message);
    }
}
