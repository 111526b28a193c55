package cirrus.runtime.statedb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

import cirrus.runtime.payload.PayloadId;

/**
 * The deterministic execution name of cirrus v1: {@code uuid5(NAMESPACE_URL, "<payload id>/<python
 * repr of previous executions>")}. The same payload with the same history always gets the same
 * name, so a re-delivered message cannot start a second execution.
 *
 * <p>{@code previousExecutions} are the items' executions as cirrus v1 {@code dbitem_to_item}
 * returns them (console URLs, see {@link ConsoleUrls}), so that a Java and a Python {@code process}
 * sharing a state table derive the same names.
 */
public final class ExecutionName {
    /** RFC 4122 namespace for URLs ({@code uuid.NAMESPACE_URL}). */
    public static final UUID NAMESPACE_URL =
            UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private ExecutionName() {}

    /** The execution name for {@code id} after {@code previousExecutions}. */
    public static String of(PayloadId id, List<String> previousExecutions) {
        return uuid5(NAMESPACE_URL, id + "/" + PythonRepr.ofStrings(previousExecutions)).toString();
    }

    /** RFC 4122 version-5 (SHA-1) UUID of {@code name} in {@code namespace}. */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
