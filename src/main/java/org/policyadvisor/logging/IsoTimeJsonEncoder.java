package org.policyadvisor.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Logback's own {@link JsonEncoder} with the event's time as an ISO-8601 date-time with zone offset in a {@code time}
 * member ({@code "2026-11-29T14:05:01.123Z"}), which log stores read as the entry's time. Logback's encoder (1.6.7)
 * writes only epoch milliseconds ({@code timestamp}) and offers {@link #appendCustomFields} for members of one's own;
 * configure it with {@code withTimestamp} false so the time appears once.
 */
public class IsoTimeJsonEncoder extends JsonEncoder {

    static final String TIME_ATTR_NAME = "time";
    /** Milliseconds always (no trailing zeros dropped), so every line has the same shape; the JVM's zone. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());

    @Override
    protected void appendCustomFields(StringBuilder sb, ILoggingEvent event) {
        sb.append(VALUE_SEPARATOR);
        appenderMember(sb, TIME_ATTR_NAME, ISO.format(Instant.ofEpochMilli(event.getTimeStamp())));
    }
}
