package org.policyadvisor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyadvisor.TestServer;
import org.policyadvisor.testing.LogCapture;
import org.slf4j.LoggerFactory;

/**
 * The lines that LOG_FORMAT=json writes while real requests are served, good and bad: each is one JSON object whose
 * {@code time} is an ISO-8601 date-time with zone offset, and none carries a value of the profile that was sent.
 */
class JsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "zq-private-7731";

    /** Configured as src/main/resources/logback-json.xml configures it (AppCommandLineTest runs that file itself). */
    private static IsoTimeJsonEncoder encoder() {
        IsoTimeJsonEncoder encoder = new IsoTimeJsonEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.setWithSequenceNumber(false);
        encoder.setWithTimestamp(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }

    @Test
    void each_line_is_json_with_an_iso_offset_date_time_and_no_profile_value() throws Exception {
        TestServer server = TestServer.shared();
        List<ILoggingEvent> events;
        try (LogCapture log = new LogCapture()) {
            LoggerFactory.getLogger(JsonLogTest.class).info("a line of the test's own, so there is at least one");
            server.postJson("/api/v1/advice", "{\"age\": \"" + MARKER + "\", \"residency\": \"" + MARKER + "\"}");
            server.postJson("/api/v1/advice", "{\"age\": 47, \"nickname\": \"" + MARKER + "\"}");
            server.post("/", "application/x-www-form-urlencoded", "age=" + MARKER);
            server.postJson("/api/v1/rules/reload", "{\"x\": \"" + MARKER + "\"}");
            server.get("/api/v1/nothing/" + MARKER.length());
            events = log.events();
        }
        IsoTimeJsonEncoder encoder = encoder();
        assertThat(events).isNotEmpty();
        for (ILoggingEvent event : events) {
            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertThat(line).endsWith("\n").doesNotContain(MARKER);
            JsonNode json = JSON.readTree(line);
            assertThat(json.has("timestamp")).as(line).isFalse();
            OffsetDateTime time = OffsetDateTime.parse(json.get("time").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(time.toInstant().toEpochMilli()).isEqualTo(event.getTimeStamp());
            assertThat(json.get("level").asText()).isEqualTo(event.getLevel().toString());
            assertThat(json.get("formattedMessage").asText()).isEqualTo(event.getFormattedMessage());
        }
    }
}
