package cirrus.states.path;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;

/** {@code States.Base64Encode/Decode}, {@code States.Hash} and {@code States.UUID}. */
final class EncodingFunctions {
    /** AWS limits the inputs of the encoding and hash functions to 10,000 characters. */
    static final int MAX_INPUT = 10_000;

    private static final Set<String> ALGORITHMS =
            Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private EncodingFunctions() {}

    static JsonNode base64Encode(Invocation inv) {
        String text = limited(inv, inv.string(0));
        return Json.NODES.textNode(
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode base64Decode(Invocation inv) {
        String text = limited(inv, inv.string(0));
        try {
            return Json.NODES.textNode(
                    new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw inv.fail("not Base64: " + e.getMessage());
        }
    }

    static JsonNode hash(Invocation inv) {
        JsonNode data = inv.args().get(0);
        String text = limited(inv, data.isTextual() ? data.textValue() : Json.write(data));
        String algorithm = inv.string(1);
        if (!ALGORITHMS.contains(algorithm)) {
            throw inv.fail("unknown algorithm '" + algorithm + "'; use one of " + ALGORITHMS);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance(algorithm)
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw inv.fail("algorithm unavailable: " + algorithm);
        }
    }

    /** A version 4 UUID drawn from the execution's random source. */
    static JsonNode uuid(Invocation inv) {
        long high = inv.context().random().nextLong();
        long low = inv.context().random().nextLong();
        high = (high & 0xffffffffffff0fffL) | 0x0000000000004000L;
        low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return Json.NODES.textNode(new UUID(high, low).toString());
    }

    private static String limited(Invocation inv, String text) {
        if (text.length() > MAX_INPUT) {
            throw inv.fail(
                    "the input has " + text.length() + " characters, more than " + MAX_INPUT);
        }
        return text;
    }
}
