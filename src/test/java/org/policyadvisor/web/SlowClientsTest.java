package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ch.qos.logback.classic.Level;
import org.policyadvisor.TestServer;
import org.policyadvisor.testing.LogCapture;
import org.policyadvisor.testing.RawHttp;

/**
 * Slow-body clients (headers, then one byte every few seconds) on real sockets must not take the threads that the
 * probes need: /health and /ready keep answering within a second, and each trickling client is cut off with a 408
 * problem+json carrying its request id.
 */
class SlowClientsTest {

    private static final int CLIENTS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer server = TestServer.shared();

    @Test
    void health_and_ready_answer_within_a_second_while_16_slow_clients_hold_connections() throws Exception {
        probe(0, 0); // a first call each, so that what is timed is the slow clients' effect, not a cold start
        List<Socket> slow = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(("POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                        + "X-Request-Id: slow-" + i + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            // Probe for 3 s, send each slow client one more byte (2 bytes in 3 s: far below the minimum rate, so the
            // server answers 408 there and then), and probe 3 s more while the connections are being closed.
            long worstMillis = probe(3_000, 0);
            for (Socket socket : slow) {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            }
            worstMillis = probe(3_000, worstMillis);
            assertThat(worstMillis).as("slowest /health or /ready while slow clients held connections, ms").isLessThan(1_000);

            for (int i = 0; i < CLIENTS; i++) {
                RawHttp.Response cutOff = RawHttp.read(slow.get(i).getInputStream());
                assertThat(cutOff.status()).as("client %d: %s", i, cutOff.head()).isEqualTo(408);
                assertThat(cutOff.isProblemJson()).as(cutOff.head()).isTrue();
                assertThat(cutOff.header("X-Request-Id")).isEqualTo("slow-" + i);
                JsonNode problem = JSON.readTree(cutOff.body());
                assertThat(problem.get("type").asText()).isEqualTo("/problems/request-timeout");
                assertThat(problem.get("requestId").asText()).isEqualTo("slow-" + i);
            }
            assertThat(log.at(Level.ERROR)).isEmpty();
            assertThat(log.events()).noneMatch(e -> e.getThrowableProxy() != null);
            assertThat(log.events()).filteredOn(e -> e.getFormattedMessage().contains("408 on POST /api/v1/advice")).hasSize(CLIENTS);
        } finally {
            for (Socket socket : slow) socket.close();
        }
    }

    /** Calls /health and /ready (at least once) for {@code millis}; each must be 200. The slowest answer so far, in ms. */
    private long probe(long millis, long worstMillis) throws Exception {
        long until = System.nanoTime() + millis * 1_000_000L;
        do {
            for (String path : new String[] {"/health", "/ready"}) {
                long start = System.nanoTime();
                HttpResponse<String> response = server.get(path);
                worstMillis = Math.max(worstMillis, (System.nanoTime() - start) / 1_000_000);
                assertThat(response.statusCode()).isEqualTo(200);
            }
            Thread.sleep(200);
        } while (System.nanoTime() < until);
        return worstMillis;
    }
}
