package cirrus.local.http;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What a {@link WebRoute} answers. */
public sealed interface WebReply {
    int status();

    /** A JSON document. */
    record Json(int status, JsonNode body) implements WebReply {}

    /** Bytes of a given media type, with extra headers (e.g. caching). */
    record Bytes(int status, String contentType, byte[] bytes, Map<String, String> headers)
            implements WebReply {}

    /** A redirect (303 See Other) to a path of this server. */
    record Redirect(String location) implements WebReply {
        @Override
        public int status() {
            return 303;
        }
    }

    static WebReply json(JsonNode body) {
        return new Json(200, body);
    }
}
