package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
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
 * probes need: /health and /ready keep answering within a second, and the trickling clients are cut off.
 */
class SlowClientsTest {

    private static final int CLIENTS = 16;
    private final TestServer server = TestServer.shared();

    @Test
    void health_and_ready_answer_within_a_second_while_16_slow_clients_hold_connections() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(("POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long worstMillis = 0;
            // Two rounds of one more byte each 3 s, probing the whole time: about 6 s in all.
            for (int round = 0; round < 2; round++) {
                long until = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < until) {
                    for (String path : new String[] {"/health", "/ready"}) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = server.get(path);
                        worstMillis = Math.max(worstMillis, (System.nanoTime() - start) / 1_000_000);
                        assertThat(response.statusCode()).isEqualTo(200);
                    }
                    Thread.sleep(200);
                }
                for (Socket socket : slow) trickle(socket);
            }
            assertThat(worstMillis).as("slowest /health or /ready while slow clients held connections, ms").isLessThan(1_000);
            // A trickling client is cut off as too slow (408) once the server reads its next byte, or still waits;
            // never a 5xx, never an error or a stack trace in the log.
            RawHttp.Response cutOff = RawHttp.read(slow.get(0).getInputStream());
            assertThat(cutOff.status()).isIn(0, 408);
            assertThat(cutOff.body()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(log.at(Level.ERROR)).isEmpty();
        } finally {
            for (Socket socket : slow) socket.close();
        }
    }

    /** One more byte; the server may already have cut this client off, which is what it should do. */
    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException cutOff) {
            // refused for being too slow
        }
    }
}
