package org.policyadvisor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP/1.1 as raw bytes on a real socket: for what no well-behaved client sends (broken bodies, odd methods). */
public final class RawHttp {

    /** A response as read off the wire: status, header block (lower-cased names kept as sent) and body. */
    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).strip();
            }
            return null;
        }

        public boolean isProblemJson() {
            String type = header("Content-Type");
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    private RawHttp() {}

    /** Sends {@code request}, closes the sending side (an early close), and reads the answer until the server closes. */
    public static Response exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.UTF_8), true);
    }

    public static Response exchange(int port, byte[] request, boolean closeAfterSending) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (closeAfterSending) socket.shutdownOutput();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response: the head, then Content-Length bytes of body (or until the server closes). */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        int length = -1;
        try {
            int b;
            while ((b = in.read()) != -1) {
                bytes.write(b);
                if (headEnd < 0 && endsWithBlankLine(bytes)) {
                    headEnd = bytes.size();
                    String head = bytes.toString(StandardCharsets.ISO_8859_1);
                    length = contentLength(head);
                    if (length == 0) break;
                } else if (headEnd >= 0 && length >= 0 && bytes.size() - headEnd >= length) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // answer what arrived
        }
        String all = bytes.toString(StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n");
        if (split < 0) return new Response(0, all, "");
        String head = all.substring(0, split);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Response(status, head, all.substring(split + 4));
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream bytes) {
        byte[] b = bytes.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) return Integer.parseInt(line.substring(15).strip());
        }
        return -1;
    }
}
