package cirrus.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.Json;

/** HTTP/1.1 over a plain socket: for requests no well-behaved client sends. */
public final class RawHttpAccess {
    public record Reply(int status, String headers, String body) {
        public JsonNode json() {
            return Json.parse(body);
        }

        public String code() {
            return json().path("error").path("code").asText();
        }

        public boolean isJson() {
            return headers.toLowerCase(Locale.ROOT).contains("content-type: application/json");
        }
    }

    private RawHttpAccess() {}

    public static Socket connect(URI base) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends {@code request} as is and reads the reply (the server closes or sends a length). */
    public static Reply exchange(URI base, String request) throws IOException {
        try (Socket s = connect(base)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    /** Reads one reply: status line, headers, and a body of Content-Length bytes. */
    public static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the reply's headers ended");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headers.substring(9, 12));
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }
}
