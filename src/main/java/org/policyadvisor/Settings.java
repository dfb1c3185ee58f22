package org.policyadvisor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The service's settings: each an environment variable with a default, the same as a command-line flag
 * ({@code --port 8080} or {@code --port=8080}) that wins over the environment. Adding one is one line in {@link #ALL}.
 */
public final class Settings {

    /** One setting; {@code parse} turns its text into a value or throws {@link IllegalArgumentException} saying what it must be. */
    public record Setting<T>(String env, String flag, String defaultText, boolean secret, Function<String, T> parse, String help) {}

    public static final Setting<Integer> PORT = setting("PORT", "--port", "8080", false, port(), "HTTP port of the API and the desk (0: any free port)");
    public static final Setting<Path> RULES_DIR = setting("RULES_DIR", "--rules-dir", "./rules", false, Path::of, "the policy rules directory, watched for changes");
    public static final Setting<String> ADMIN_TOKEN = setting("ADVISOR_ADMIN_TOKEN", "--admin-token", null, true, text(), "bearer token for the rules administration calls (unset: they answer 403)");
    public static final Setting<Path> DATA_DIR = setting("DATA_DIR", "--data-dir", "./data", false, Path::of, "where the embedded database lives");
    public static final Setting<String> DATABASE_URL = setting("DATABASE_URL", "--database-url", null, false, text(), "JDBC URL of a shared database, e.g. jdbc:postgresql://db:5432/advisor (unset: the embedded one)");
    public static final Setting<String> DATABASE_USER = setting("DATABASE_USER", "--database-user", null, false, text(), "user for DATABASE_URL");
    public static final Setting<String> DATABASE_PASSWORD = setting("DATABASE_PASSWORD", "--database-password", null, true, text(), "password for DATABASE_URL");
    public static final Setting<Integer> RETENTION_DAYS = setting("RETENTION_DAYS", "--retention-days", "180", false, days(), "saved consultations are erased after this many days");
    public static final Setting<Integer> IMPACT_DAYS = setting("IMPACT_DAYS", "--impact-days", "90", false, days(), "a candidate ruleset's impact is shown on the consultations of this many days");
    public static final Setting<List<String>> CORS_ORIGINS = setting("CORS_ORIGINS", "--cors-origins", "", false, origins(), "comma-separated origins whose pages may call the public API from a browser (none by default)");
    public static final Setting<String> LOG_FORMAT = setting("LOG_FORMAT", "--log-format", "text", false, oneOf("text", "json"), "text, or json (one JSON object per line)");
    public static final Setting<String> CHECK_AGAINST = setting("CHECK_AGAINST", "--against", null, false, text(), "check: the published rules to compare with, a folder or the service's address (http://…); lists removed and added programs");
    public static final Setting<Integer> MANAGEMENT_PORT = setting("MANAGEMENT_PORT", "--management-port", null, false, port(), "serve /metrics and the rules administration on this port only (unset: on PORT)");

    static final List<Setting<?>> ALL = List.of(PORT, RULES_DIR, ADMIN_TOKEN, DATA_DIR, DATABASE_URL, DATABASE_USER,
            DATABASE_PASSWORD, RETENTION_DAYS, IMPACT_DAYS, CORS_ORIGINS, LOG_FORMAT, MANAGEMENT_PORT, CHECK_AGAINST);

    /** A value that cannot be used; its message is one line that names the setting (and never a secret's value). */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Setting<?>, Object> values;
    private final List<String> words;

    private Settings(Map<Setting<?>, Object> values, List<String> words) {
        this.values = values;
        this.words = words;
    }

    /** The value of a setting; null for one unset without a default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** The words that are not flags: the command and its arguments. */
    public List<String> words() {
        return words;
    }

    /** Reads the environment, then the flags; throws {@link Invalid} for an unknown flag, a flag without a value or a bad value. */
    public static Settings from(Map<String, String> env, String... args) {
        Map<String, String> texts = new HashMap<>();
        for (Setting<?> setting : ALL) if (env.get(setting.env()) != null) texts.put(setting.env(), env.get(setting.env()));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            Setting<?> setting = ALL.stream().filter(s -> s.flag().equals(flag)).findFirst()
                    .orElseThrow(() -> new Invalid("unknown option " + flag + "; see --help"));
            if (equals >= 0) texts.put(setting.env(), arg.substring(equals + 1));
            else if (i + 1 < args.length) texts.put(setting.env(), args[++i]);
            else throw new Invalid(flag + " needs a value; see --help");
        }
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            String text = texts.getOrDefault(setting.env(), setting.defaultText());
            if (text == null) continue;
            try {
                values.put(setting, setting.parse().apply(text.strip()));
            } catch (IllegalArgumentException e) {
                String shown = setting.secret() ? "" : "=" + text;
                throw new Invalid(setting.env() + shown + ": " + e.getMessage() + " (" + setting.flag() + ")");
            }
        }
        return new Settings(values, List.copyOf(words));
    }

    /** True when the arguments ask for help. */
    static boolean wantsHelp(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("help"));
    }

    /** The usage text: commands, then every setting with its flag, default and meaning. */
    static void printHelp(PrintStream out) {
        out.println("Usage: java -jar policy-advisor.jar [serve | check [RULES_DIR] [--against DIR|URL]] [--flag value | --flag=value]...");
        out.println();
        out.println("  serve   (the default) build the rules, serve the API and the desk, reload on changes");
        out.println("  check   check the rules as a reload would; exit 0 when they would be activated, 1 when refused;");
        out.println("          --against the published rules (a folder, or the service's address) also lists removed and added");
        out.println("          programs (news, not a refusal); exit 2 when that comparison cannot be made");
        out.println();
        out.println("Settings: an environment variable, or the flag beside it (the flag wins):");
        for (Setting<?> setting : ALL) {
            String fallback = setting.defaultText() == null ? "unset" : setting.defaultText().isEmpty() ? "none" : setting.defaultText();
            out.printf(Locale.ROOT, "  %-20s %-21s %s (default: %s)%n", setting.env(), setting.flag(), setting.help(), fallback);
        }
    }

    private static <T> Setting<T> setting(String env, String flag, String defaultText, boolean secret, Function<String, T> parse, String help) {
        return new Setting<>(env, flag, defaultText, secret, parse, help);
    }

    private static Function<String, String> text() {
        return text -> text.isEmpty() ? null : text;
    }

    private static Function<String, Integer> port() {
        return text -> whole(text, 0, 65_535, "a port number from 0 to 65535");
    }

    private static Function<String, Integer> days() {
        return text -> whole(text, 1, 36_500, "a number of days from 1 to 36500");
    }

    private static int whole(String text, int min, int max, String what) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("must be " + what);
    }

    private static Function<String, String> oneOf(String... allowed) {
        return text -> {
            String value = text.toLowerCase(Locale.ROOT);
            if (List.of(allowed).contains(value)) return value;
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
        };
    }

    /** {@code https://partner.example, http://localhost:3000}: scheme, host and optional port, nothing else. */
    private static Function<String, List<String>> origins() {
        return text -> {
            List<String> origins = new ArrayList<>();
            for (String origin : text.split(",")) {
                String o = origin.strip();
                if (o.isEmpty()) continue;
                if (!o.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                    throw new IllegalArgumentException("each origin must be scheme://host[:port], e.g. https://partner.example");
                }
                origins.add(o);
            }
            return List.copyOf(origins);
        };
    }
}
