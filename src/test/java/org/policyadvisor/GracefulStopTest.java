package org.policyadvisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.reload.RulesFixture;
import org.policyadvisor.testing.RawHttp;

/**
 * SIGTERM to the real service in a child JVM while requests are in flight: /ready turns 503 at
 * once, every request in flight is answered in full, and the process exits within the drain.
 */
class GracefulStopTest {

    private static final int IN_FLIGHT = 12;
    private static final String ADMIN_TOKEN = "graceful-stop-test";
    private static final Pattern LISTENING = Pattern.compile("listening on [0-9.]+:(\\d+) \\(api\\)");

    @TempDir
    Path dir;

    @Test
    void sigterm_under_load_finishes_every_request_in_flight_and_turns_ready_503_first() throws Exception {
        Path rules = dir.resolve("rules");
        RulesFixture.write(rules, RulesFixture.tiny(1000));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName(),
                "serve", "--port=0", "--rules-dir", rules.toString(), "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true);
        builder.environment().put("ADVISOR_ADMIN_TOKEN", ADMIN_TOKEN);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    seen.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<Socket> inFlight = new ArrayList<>();
        try {
            int port = awaitServing(lines);
            // A keep-alive connection that asked /ready before the signal.
            Socket probe = new Socket("127.0.0.1", port);
            String ready = "GET /ready HTTP/1.1\r\nHost: t\r\n\r\n";
            probe.getOutputStream().write(ready.getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.read(probe.getInputStream()).status()).isEqualTo(200);

            // The first ruleset was built while the database opened, and still made it into the history.
            // On a connection of its own that closes after the answer, which may come without a length.
            RawHttp.Response history = RawHttp.exchange(port, "GET /api/v1/rules/history HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer "
                    + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
            assertThat(history.status()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(history.body()).get("activations")).hasSize(1);

            // Requests in flight: headers and half of each body sent before the signal, the rest after it.
            String body = "{\"age\": 30," + " ".repeat(2_000) + "\"asOf\": \"2026-11-27\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int half = bytes.length / 2;
            for (int i = 0; i < IN_FLIGHT; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, half);
                out.flush();
                inFlight.add(socket);
            }
            Thread.sleep(300);

            // SIGTERM, as Process.destroy() sends it; through the handle, which (unlike Process.destroy) keeps our
            // end of the child's output open, so its last log lines can still be read.
            process.toHandle().destroy();
            String stopping = poll(lines, l -> l.contains("stopping: not ready"));
            assertThat(stopping).as("the shutdown hook began; the service wrote:%n%s", String.join("\n", seen)).isNotNull();

            probe.getOutputStream().write(ready.getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response notReady = RawHttp.read(probe.getInputStream());
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.isProblemJson()).isTrue();

            int failed = 0;
            for (Socket socket : inFlight) {
                socket.getOutputStream().write(bytes, half, bytes.length - half);
                socket.getOutputStream().flush();
            }
            for (Socket socket : inFlight) {
                RawHttp.Response answer = RawHttp.read(socket.getInputStream());
                if (answer.status() != 200 || !answer.body().contains("\"programs\"")) failed++;
            }
            assertThat(failed).as("requests in flight that failed during the stop").isZero();

            assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("the process exits after the drain").isTrue();
            assertThat(new ArrayList<>(seen)).anyMatch(l -> l.contains("stopped in"));
        } finally {
            for (Socket socket : inFlight) socket.close();
            process.destroyForcibly();
        }
    }

    private static int awaitServing(BlockingQueue<String> lines) throws InterruptedException {
        int port = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) continue;
            Matcher m = LISTENING.matcher(line);
            if (m.find()) port = Integer.parseInt(m.group(1));
            if (line.contains("serving ruleset") && port > 0) return port;
        }
        throw new AssertionError("the service did not start serving within 120 s");
    }

    private static String poll(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && wanted.test(line)) return line;
        }
        return null;
    }
}
