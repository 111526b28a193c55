package cirrus.runtime.port;

import java.util.Objects;

/**
 * An SNS message attribute (used by subscribers' filter policies).
 *
 * @param dataType {@code String} or {@code Number}
 * @param value the value as text
 */
public record MessageAttribute(DataType dataType, String value) {
    /** The SNS data types cirrus uses. */
    public enum DataType {
        STRING("String"),
        NUMBER("Number");

        private final String wireName;

        DataType(String wireName) {
            this.wireName = wireName;
        }

        /** The SNS {@code DataType} value. */
        public String wireName() {
            return wireName;
        }
    }

    public MessageAttribute {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(value, "value");
    }

    public static MessageAttribute string(String value) {
        return new MessageAttribute(DataType.STRING, value);
    }

    public static MessageAttribute number(String value) {
        return new MessageAttribute(DataType.NUMBER, value);
    }
}
