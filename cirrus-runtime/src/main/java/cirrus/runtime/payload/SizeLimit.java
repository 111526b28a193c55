package cirrus.runtime.payload;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.PythonJson;

/**
 * When a payload is too large to pass inline between functions and is replaced by {@code {"url":
 * …}}.
 *
 * @param measure how the payload's size is measured
 * @param max the largest size passed inline
 */
public record SizeLimit(Measure measure, long max) {
    /** How a payload's size is measured. */
    public enum Measure {
        /** cirrus v0.15.4: {@code len(json.dumps(payload).encode())}. */
        JSON_BYTES,
        /**
         * cirrus v2: {@code len(json.dumps(json.dumps(payload)))}, the size of the payload as
         * EventBridge embeds it (escaped) in Step Functions status events.
         */
        DOUBLE_ENCODED_JSON
    }

    /** The cirrus v0.15.4 rule: 250 000 bytes of JSON. */
    public static final SizeLimit V0 = new SizeLimit(Measure.JSON_BYTES, 250_000);

    /**
     * The cirrus v2 rule and our default: 120 000 characters double-encoded, so that input and
     * output together stay below EventBridge's 248 KiB and update-state always sees them.
     */
    public static final SizeLimit DEFAULT = new SizeLimit(Measure.DOUBLE_ENCODED_JSON, 120_000);

    public SizeLimit {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
    }

    /** The payload's size under {@link #measure()}. */
    public long sizeOf(JsonNode payload) {
        String once = PythonJson.dumps(payload); // ASCII only: chars == bytes
        if (measure == Measure.JSON_BYTES) {
            return once.length();
        }
        long extra = 2;
        for (int i = 0; i < once.length(); i++) {
            char c = once.charAt(i);
            if (c == '"' || c == '\\') {
                extra++;
            }
        }
        return once.length() + extra;
    }

    /** Whether the payload must be passed by URL. */
    public boolean exceededBy(JsonNode payload) {
        return sizeOf(payload) > max;
    }
}
