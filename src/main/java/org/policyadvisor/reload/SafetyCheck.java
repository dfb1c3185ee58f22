package org.policyadvisor.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RuleProblem;

/**
 * Refuses DRL that reaches outside the policy vocabulary, before anything is compiled: DRL consequences and
 * functions are Java, so a rule file is treated as untrusted code. The text is read the way the Java compiler
 * reads it (unicode escapes first), comments and string literals are skipped, and every name that is left is
 * checked. What is allowed or refused is listed here and nowhere else.
 */
public final class SafetyCheck {

    /** The only classes a rule file may import or name in full. */
    static final Set<String> ALLOWED_IMPORTS = Set.of(
            "java.lang.Math",
            "java.math.BigDecimal",
            "java.time.LocalDate",
            "java.time.Period",
            "java.time.temporal.ChronoUnit",
            "java.util.Collection",
            "java.util.List",
            "java.util.Map",
            "java.util.Set");

    /** First segments of fully qualified names: such a name must be one of {@link #ALLOWED_IMPORTS}. */
    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jakarta", "jdk", "sun", "com", "org", "net", "io", "ch", "kotlin", "groovy", "scala");

    private static final String JVM = "reaches the JVM or the operating system";
    private static final String REFLECTION = "is reflection";
    private static final String FILES = "is file input/output";
    private static final String NETWORK = "is network access";
    private static final String THREADS = "starts, blocks or shares threads";
    private static final String ENGINE = "reaches into the rule engine that serves every request";

    /** Names (types or methods) that never belong in a rule, wherever they appear outside comments and texts. */
    static final Map<String, String> FORBIDDEN_NAMES = Map.ofEntries(
            Map.entry("System", JVM), Map.entry("Runtime", JVM), Map.entry("ProcessBuilder", JVM),
            Map.entry("Process", JVM), Map.entry("ProcessHandle", JVM), Map.entry("SecurityManager", JVM),
            Map.entry("StackWalker", JVM), Map.entry("Module", JVM), Map.entry("ModuleLayer", JVM),
            Map.entry("exit", JVM), Map.entry("halt", JVM), Map.entry("exec", JVM), Map.entry("getRuntime", JVM),
            Map.entry("getenv", JVM), Map.entry("getProperty", JVM), Map.entry("setProperty", JVM),
            Map.entry("loadLibrary", JVM), Map.entry("ScriptEngineManager", JVM), Map.entry("MVEL", JVM),
            Map.entry("ServiceLoader", JVM), Map.entry("Unsafe", JVM),

            Map.entry("Class", REFLECTION), Map.entry("ClassLoader", REFLECTION), Map.entry("forName", REFLECTION),
            Map.entry("getClass", REFLECTION), Map.entry("getClassLoader", REFLECTION),
            Map.entry("getDeclaredMethod", REFLECTION), Map.entry("getDeclaredMethods", REFLECTION),
            Map.entry("getDeclaredField", REFLECTION), Map.entry("getDeclaredFields", REFLECTION),
            Map.entry("getDeclaredConstructor", REFLECTION), Map.entry("getDeclaredConstructors", REFLECTION),
            Map.entry("getMethod", REFLECTION), Map.entry("getMethods", REFLECTION),
            Map.entry("getConstructor", REFLECTION), Map.entry("getConstructors", REFLECTION),
            Map.entry("setAccessible", REFLECTION), Map.entry("invoke", REFLECTION),
            Map.entry("newInstance", REFLECTION), Map.entry("MethodHandles", REFLECTION),
            Map.entry("MethodHandle", REFLECTION), Map.entry("Introspector", REFLECTION),

            Map.entry("File", FILES), Map.entry("Files", FILES), Map.entry("Path", FILES), Map.entry("Paths", FILES),
            Map.entry("FileSystems", FILES), Map.entry("FileInputStream", FILES), Map.entry("FileOutputStream", FILES),
            Map.entry("FileReader", FILES), Map.entry("FileWriter", FILES), Map.entry("RandomAccessFile", FILES),
            Map.entry("PrintStream", FILES), Map.entry("PrintWriter", FILES),
            Map.entry("ObjectInputStream", FILES), Map.entry("ObjectOutputStream", FILES),

            Map.entry("Socket", NETWORK), Map.entry("ServerSocket", NETWORK), Map.entry("DatagramSocket", NETWORK),
            Map.entry("URL", NETWORK), Map.entry("URI", NETWORK), Map.entry("URLConnection", NETWORK),
            Map.entry("HttpURLConnection", NETWORK), Map.entry("HttpClient", NETWORK), Map.entry("InetAddress", NETWORK),

            Map.entry("Thread", THREADS), Map.entry("ThreadGroup", THREADS), Map.entry("ThreadLocal", THREADS),
            Map.entry("Executors", THREADS), Map.entry("ExecutorService", THREADS), Map.entry("ForkJoinPool", THREADS),
            Map.entry("CompletableFuture", THREADS), Map.entry("Timer", THREADS), Map.entry("TimeUnit", THREADS),
            Map.entry("LockSupport", THREADS), Map.entry("synchronized", THREADS), Map.entry("sleep", THREADS),
            Map.entry("wait", THREADS), Map.entry("notify", THREADS), Map.entry("notifyAll", THREADS),

            Map.entry("kcontext", ENGINE), Map.entry("getKieRuntime", ENGINE), Map.entry("getKnowledgeRuntime", ENGINE),
            Map.entry("getKieBase", ENGINE), Map.entry("getKnowledgeBase", ENGINE), Map.entry("getWorkingMemory", ENGINE));

    private static final Set<String> IMPORT_KINDS = Set.of("static", "function", "accumulate");

    /** Java and MVEL loop keywords: a consequence or function must finish, so it may not loop. */
    static final Set<String> LOOPS = Set.of("for", "while", "do", "foreach", "until");

    /** Every problem in every DRL file; the other files are data and are not run. */
    public List<RuleProblem> check(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            if (file.isDrl()) problems.addAll(check(file));
        }
        return problems;
    }

    List<RuleProblem> check(RuleFile file) {
        return new FileCheck(file.path(), file.text()).run();
    }

    /** One file: the decoded text, its tokens, and the way back from a decoded offset to the original line and column. */
    private static final class FileCheck {
        private final String path;
        private final String original;
        private final List<RuleProblem> problems = new ArrayList<>();
        private final StringBuilder decoded = new StringBuilder();
        private final List<Integer> origin = new ArrayList<>();
        private final List<Token> tokens = new ArrayList<>();

        FileCheck(String path, String original) {
            this.path = path;
            this.original = original;
        }

        List<RuleProblem> run() {
            decodeUnicodeEscapes();
            tokenize();
            for (int i = 0; i < tokens.size(); ) i = checkToken(i);
            checkFunctionsDoNotRecurse();
            problems.sort((a, b) -> a.line() != b.line() ? a.line() - b.line() : a.column() - b.column());
            return problems;
        }

        /** As JLS 3.3: {@code \}{@code uXXXX} is a character anywhere, even in comments; escaping plain ASCII can only hide something. */
        private void decodeUnicodeEscapes() {
            int backslashes = 0;
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                if (c == '\\' && backslashes % 2 == 0 && i + 1 < original.length() && original.charAt(i + 1) == 'u') {
                    int j = i + 1;
                    while (j < original.length() && original.charAt(j) == 'u') j++;
                    if (j + 4 <= original.length() && isHex(original.substring(j, j + 4))) {
                        char value = (char) Integer.parseInt(original.substring(j, j + 4), 16);
                        if (value < 128) {
                            report(i, "the unicode escape " + original.substring(i, j + 4) + " hides the character '"
                                    + printable(value) + "'; write the character itself");
                        }
                        decoded.append(value);
                        origin.add(i);
                        i = j + 3;
                        backslashes = 0;
                        continue;
                    }
                }
                backslashes = c == '\\' ? backslashes + 1 : 0;
                decoded.append(c);
                origin.add(i);
            }
            origin.add(original.length());
        }

        /** Identifiers and the few symbols that matter; comments and string or character literals are skipped. */
        private void tokenize() {
            String text = decoded.toString();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '/' && text.startsWith("//", i)) {
                    i = indexOrEnd(text, "\n", i);
                } else if (c == '/' && text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    i = end < 0 ? text.length() : end + 2;
                } else if (c == '"' || c == '\'') {
                    i = endOfLiteral(text, i, c);
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) i++;
                    tokens.add(new Token(text.substring(start, i), start));
                } else {
                    if ("(){}.;*".indexOf(c) >= 0) tokens.add(new Token(String.valueOf(c), i));
                    i++;
                }
            }
        }

        /** A literal ends at its closing quote or, since neither Java nor DRL lets one span lines, at the line's end. */
        private static int endOfLiteral(String text, int start, char quote) {
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else if (c == '\n') {
                    return i;
                } else {
                    i++;
                }
            }
            return text.length();
        }

        /** Judges the token at {@code i} and returns where to go on: past a name that has been judged whole. */
        private int checkToken(int i) {
            Token token = tokens.get(i);
            String word = token.text();
            if (word.equals("import")) {
                int start = i + 1;
                while (start < tokens.size() && IMPORT_KINDS.contains(tokens.get(start).text())) start++;
                if (start >= tokens.size()) return start;
                QualifiedName name = qualifiedName(start);
                if (!ALLOWED_IMPORTS.contains(name.text())) {
                    report(token, "import " + name.text() + " is not allowed; rules may import only " + allowed());
                }
                return name.end();
            }
            if (LOOPS.contains(word)) {
                report(token, "'" + word + "' is a loop; a rule or function must finish, so loops are not allowed (write rules over facts instead)");
            } else if (FORBIDDEN_NAMES.containsKey(word)) {
                report(token, "'" + word + "' " + FORBIDDEN_NAMES.get(word) + " and is not allowed in rules");
            } else if (word.equals("class") && isAfterDot(i)) {
                report(tokens.get(i - 1), "'.class' is reflection and is not allowed in rules");
            } else if (PACKAGE_ROOTS.contains(word) && !isAfterDot(i) && isFollowedByDot(i)) {
                QualifiedName name = qualifiedName(i);
                // An allowed class's members are still checked one by one (LocalDate.class.getClassLoader …).
                if (!isAllowed(name.text())) {
                    report(token, "'" + name.text() + "' is outside the classes rules may use " + allowed());
                    return name.end();
                }
            }
            return i + 1;
        }

        private record QualifiedName(String text, int end) {}

        /** {@code java . io . File} -> {@code java.io.File}; a trailing {@code .*} gives {@code java.io.*}. */
        private QualifiedName qualifiedName(int start) {
            StringBuilder name = new StringBuilder(tokens.get(start).text());
            int i = start + 1;
            while (i + 1 < tokens.size() && tokens.get(i).text().equals(".") && isIdentifier(tokens.get(i + 1).text())) {
                name.append('.').append(tokens.get(i + 1).text());
                i += 2;
            }
            if (i + 1 < tokens.size() && tokens.get(i).text().equals(".") && tokens.get(i + 1).text().equals("*")) {
                name.append(".*");
                i += 2;
            }
            return new QualifiedName(name.toString(), i);
        }

        private static boolean isAllowed(String qualifiedName) {
            return ALLOWED_IMPORTS.stream().anyMatch(c -> qualifiedName.equals(c) || qualifiedName.startsWith(c + "."));
        }

        /** A function that calls itself can recurse without end, which the evaluation limits cannot stop. */
        private void checkFunctionsDoNotRecurse() {
            for (int i = 0; i < tokens.size(); i++) {
                if (!tokens.get(i).text().equals("function")) continue;
                int paren = find("(", i);
                int body = find("{", paren);
                if (paren < 0 || body < 0) continue;
                String name = tokens.get(paren - 1).text();
                int depth = 0;
                for (int j = body; j < tokens.size(); j++) {
                    String t = tokens.get(j).text();
                    if (t.equals("{")) depth++;
                    if (t.equals("}") && --depth == 0) break;
                    if (t.equals(name) && j + 1 < tokens.size() && tokens.get(j + 1).text().equals("(")) {
                        report(tokens.get(j), "function " + name + " calls itself; recursion is not allowed in rules");
                    }
                }
            }
        }

        private int find(String text, int from) {
            if (from < 0) return -1;
            for (int i = from; i < tokens.size(); i++) if (tokens.get(i).text().equals(text)) return i;
            return -1;
        }

        private boolean isAfterDot(int i) {
            return i > 0 && tokens.get(i - 1).text().equals(".");
        }

        private boolean isFollowedByDot(int i) {
            return i + 1 < tokens.size() && tokens.get(i + 1).text().equals(".");
        }

        private static boolean isIdentifier(String text) {
            return !text.isEmpty() && Character.isJavaIdentifierStart(text.charAt(0));
        }

        private static String allowed() {
            return "(" + String.join(", ", ALLOWED_IMPORTS.stream().sorted().toList()) + ")";
        }

        private void report(Token token, String message) {
            report(origin.get(token.offset()), message);
        }

        private void report(int originalOffset, String message) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < originalOffset; i++) {
                if (original.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(new RuleProblem(path, line, originalOffset - lineStart + 1, message));
        }

        private static int indexOrEnd(String text, String needle, int from) {
            int found = text.indexOf(needle, from);
            return found < 0 ? text.length() : found;
        }

        private static boolean isHex(String text) {
            return text.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
        }

        private static String printable(char c) {
            return c < 32 || c == 127 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
        }
    }

    private record Token(String text, int offset) {}
}
