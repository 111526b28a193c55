package cirrus.local.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-process secret that every state-changing request carries in the {@value #HEADER} header.
 * Pages of the dashboard read it from their own HTML (which another origin cannot read); the CLI
 * reads it from {@code serve.json}.
 */
public final class ServerToken {
    public static final String HEADER = "X-Cirrus-Token";

    private final String value;

    private ServerToken(String value) {
        this.value = value;
    }

    /** A fresh random token (256 bits). */
    public static ServerToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new ServerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return value;
    }

    /** Compares in constant time. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ServerToken[***]";
    }
}
