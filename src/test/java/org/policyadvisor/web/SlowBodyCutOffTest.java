package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.testing.LogCapture;
import org.policyadvisor.testing.RawHttp;

/**
 * {@link SlowBodyCutOff} on a real Jetty with the app's read-ahead and error handler, and a short idle timeout, so
 * that a client that stops sending is seen in a second rather than the service's 30 s.
 */
class SlowBodyCutOffTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        connector.setIdleTimeout(700);
        server.addConnector(connector);
        server.setErrorHandler(new ProblemErrorHandler(Messages.load()));
        // The body's length, once all of it arrived.
        Handler echoLength = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String length = Long.toString(Content.Source.asByteBuffer(request).remaining());
                response.write(true, ByteBuffer.wrap(length.getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
        };
        SlowBodyCutOff cutOff = new SlowBodyCutOff(64, Duration.ofMillis(500));
        cutOff.setHandler(new EagerContentHandler(echoLength, new EagerContentHandler.RetainedContentLoaderFactory(100_000, -1, true)));
        server.setHandler(cutOff);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static Socket send(String method, String id, String bodyStart) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write((method + " /x HTTP/1.1\r\nHost: t\r\nX-Request-Id: " + id + "\r\nContent-Length: 100\r\n\r\n"
                + bodyStart).getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static void assertCutOff(RawHttp.Response response, String id) throws IOException {
        assertThat(response.status()).as(response.head()).isEqualTo(408);
        assertThat(response.isProblemJson()).as(response.head()).isTrue();
        assertThat(response.header("X-Request-Id")).isEqualTo(id);
        assertThat(JSON.readTree(response.body()).get("requestId").asText()).isEqualTo(id);
    }

    @Test
    void a_body_that_stops_is_answered_408_problem_json_at_the_idle_timeout() throws Exception {
        try (LogCapture log = new LogCapture(); Socket socket = send("POST", "stops", "{\"a\":")) {
            assertCutOff(RawHttp.read(socket.getInputStream()), "stops");
            assertThat(log.events()).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("request body stopped (idle timeout) after 5 bytes: 408 on POST /x");
                assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "stops");
            });
        }
    }

    @Test
    void a_trickled_body_is_answered_408_problem_json_whatever_the_method() throws Exception {
        try (Socket socket = send("PUT", "trickles", "{")) {
            for (int i = 0; i < 2; i++) { // 3 bytes in 0.8 s: far below 64 bytes/s, never idle for 0.7 s
                Thread.sleep(400);
                socket.getOutputStream().write(' ');
            }
            assertCutOff(RawHttp.read(socket.getInputStream()), "trickles");
        }
    }

    @Test
    void a_body_at_a_fair_rate_reaches_the_handler_whole() throws Exception {
        try (Socket socket = send("POST", "fair", "x".repeat(50))) {
            Thread.sleep(300);
            socket.getOutputStream().write("y".repeat(50).getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertThat(response.status()).as(response.head()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("100");
        }
    }
}
