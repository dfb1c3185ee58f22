package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.Storage;
import org.policyadvisor.ruleset.ActiveRuleset;

/**
 * Seeded fuzzing of every public POST endpoint: at least 5,000 odd requests each (wrong types, absurd numbers and
 * dates, unknown and repeated fields, broken and trailing JSON, odd media types, Accept and language headers, bytes
 * that are not UTF-8), none of which may get a 5xx. The seed is printed on failure, so a failure can be replayed.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int REQUESTS = 5_000;
    private static final Duration BUDGET = Duration.ofMinutes(3);

    @TempDir
    static Path tmp;

    private static TestServer server;
    private static List<String> fields;

    @BeforeAll
    static void start() {
        server = TestServer.wiredAsApp(tmp, HttpOptions.defaults());
        fields = RealRules.ruleset().catalogue().questions().stream().map(Question::field).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void advice_never_answers_5xx_to_odd_requests() throws Exception {
        fuzz("/api/v1/advice", 1);
    }

    @Test
    void the_mentor_subsidy_never_answers_5xx_to_odd_requests() throws Exception {
        fuzz("/api/v1/mentor-subsidy", 2);
    }

    @Test
    void saving_a_consultation_never_answers_5xx_to_odd_requests() throws Exception {
        fuzz("/api/v1/consultations", 3);
    }

    private static void fuzz(String path, int stream) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                Random random = new Random(SEED * 31 + stream * 7 + worker);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS / 4 && System.nanoTime() < deadline; i++) {
                        Odd odd = odd(random, path);
                        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path + odd.query()))
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(odd.body()));
                        if (odd.contentType() != null) request.header("Content-Type", odd.contentType());
                        if (odd.accept() != null) request.header("Accept", odd.accept());
                        if (odd.language() != null) request.header("Accept-Language", odd.language());
                        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() >= 500) {
                            serverErrors.add(response.statusCode() + " for " + odd.contentType() + " " + new String(odd.body(), StandardCharsets.UTF_8));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) w.get(BUDGET.toSeconds() + 60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        int sent = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(serverErrors).as("5xx answers (seed %d): %s", SEED, statuses).isEmpty();
        assertThat(sent).as("requests sent within %s", BUDGET).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(statuses.keySet()).as("odd requests, mostly refused").anyMatch(s -> s >= 400 && s < 500);
    }

    private record Odd(String query, String contentType, String accept, String language, byte[] body) {}

    private static final String[] TYPES = {"application/json", "application/json", "application/json", "application/json; charset=utf-8",
        "application/x-www-form-urlencoded", "application/jsonx", "text/plain", "application/zip", ";", "", null, "application/json;;;"};
    private static final String[] ACCEPTS = {null, "application/json", "text/html", ";", "*/*;q=abc", "text/html;q=0.9,application/json;q=1",
        ",,,", "text/html;q=-1"};
    private static final String[] LANGUAGES = {null, "en", "zh-HK", "*", "xx-;;", "en;q=abc", "zh-Hant-TW,en;q=0.5"};
    private static final String[] QUERIES = {"", "", "?lang=en", "?lang=zh-Hant", "?lang=", "?lang=xx&lang=en", "?asOf=2026-01-01"};

    private static Odd odd(Random random, String path) {
        String type = pick(random, TYPES);
        String body;
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                form.append(random.nextBoolean() ? pick(random, fields) : word(random)).append('=').append(scalarText(random)).append('&');
            }
            if (random.nextInt(10) == 0) form.append("%zz=%G0&&==");
            body = form.toString();
        } else {
            body = json(random, path);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(25) == 0) bytes = new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF};
        return new Odd(pick(random, QUERIES), type, pick(random, ACCEPTS), pick(random, LANGUAGES), bytes);
    }

    private static String json(Random random, String path) {
        String object = path.endsWith("mentor-subsidy") ? claim(random) : profile(random);
        return switch (random.nextInt(12)) {
            case 0 -> object.substring(0, random.nextInt(object.length()));     // truncated
            case 1 -> object + pick(random, new String[] {"{}", " x", "[", "\"", " // c"});  // trailing content
            case 2 -> "[".repeat(random.nextInt(40)) + object;                  // nesting
            case 3 -> value(random, 3);                                         // not an object
            default -> object;
        };
    }

    private static String profile(Random random) {
        StringBuilder out = new StringBuilder("{");
        for (int i = random.nextInt(8); i > 0; i--) {
            String name = switch (random.nextInt(8)) {
                case 0 -> word(random);
                case 1 -> "asOf";
                case 2 -> "lang";
                default -> pick(random, fields);
            };
            out.append('"').append(name).append("\": ").append(value(random, 2)).append(i > 1 ? ", " : "");
        }
        return out.append('}').toString();
    }

    private static String claim(Random random) {
        String mentees = "[" + "{\"id\": " + value(random, 1) + ", \"startDate\": " + date(random) + ", \"employedAtStart\": " + value(random, 1)
                + (random.nextBoolean() ? ", \"previouslyPaid\": {\"" + word(random) + "\": " + number(random) + "}" : "") + "}"
                + (random.nextBoolean() ? ", {\"id\": \"m1\"}" : "") + "]";
        String items = "[{\"mentee\": " + (random.nextBoolean() ? "\"m1\"" : value(random, 1)) + ", \"type\": "
                + pick(random, new String[] {"\"CAREER_GUIDANCE\"", "\"JOB_PLACEMENT\"", "\"PUBLIC_WELFARE_ACTIVITY\"", "\"X\"", "7", "null"})
                + ", \"date\": " + date(random) + ", \"quantity\": " + number(random) + ", \"insuredMonths\": " + number(random) + "}]";
        return "{\"asOf\": " + date(random) + ", \"mentor\": " + (random.nextBoolean() ? "{\"residency\": \"HK\", \"mainlandWorkExperience\": true}" : value(random, 2))
                + ", \"mentees\": " + (random.nextInt(5) == 0 ? value(random, 1) : mentees)
                + ", \"items\": " + (random.nextInt(5) == 0 ? value(random, 1) : items)
                + (random.nextInt(4) == 0 ? ", \"" + word(random) + "\": 1" : "") + "}";
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> number(random);
            case 3 -> date(random);
            case 4 -> '"' + scalarText(random) + '"';
            case 5 -> "\"" + "x".repeat(random.nextInt(3) == 0 ? 300 : 3) + "\"";
            case 6 -> "\"\\ud800\\u0000\"";
            case 7 -> "[" + value(random, depth - 1) + ", " + value(random, depth - 1) + "]";
            default -> "{\"" + word(random) + "\": " + value(random, depth - 1) + "}";
        };
    }

    private static String number(Random random) {
        return pick(random, new String[] {"0", "-1", "30", "2147483648", "-9223372036854775809", "1e309", "1.5", "-0", "99999999999999999999999",
            "NaN", "0x10", "17", "10001", "1"});
    }

    private static String date(Random random) {
        return pick(random, new String[] {"\"2026-11-27\"", "\"+999999999-12-31\"", "\"1999-12-31\"", "\"2101-01-01\"", "\"2026-02-30\"",
            "\"27/11/2026\"", "\"\"", "20261127", "null", "\"2026-01-10\""});
    }

    private static String scalarText(Random random) {
        return pick(random, new String[] {"HK", "LUOHU", "true", "false", "", "30", "EMPLOYED", "香港", "%00", "a\\nb", "MASTER", "-5", "zh-Hant"});
    }

    private static String word(Random random) {
        return pick(random, new String[] {"favouriteColour", "__proto__", "constructor", "a.b", "", "ÿ", "age ", "AGE", "lang"});
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
