package cirrus.scaffold;

import java.util.Locale;
import java.util.Set;

/**
 * Writes user text (a description) into a YAML template as one scalar. Plain text stays plain,
 * exactly like cirrus v0.15.4's templates ({@code description: A lambda task}); anything a YAML 1.1
 * parser would read differently ({@code a: b}, {@code # x}, {@code yes}, {@code 12}, leading
 * indicators, …) is double-quoted, where v0.15.4 wrote a broken or retyped file.
 */
final class YamlText {
    private static final Set<String> YAML11_WORDS =
            Set.of(
                    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", ".nan",
                    ".inf");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlText() {}

    static String scalar(String text) {
        return isSafePlain(text) ? text : quoted(text);
    }

    static boolean isSafePlain(String text) {
        if (text.isEmpty() || text.isBlank()) {
            return false;
        }
        char first = text.charAt(0);
        if (INDICATORS.indexOf(first) >= 0 || Character.isWhitespace(first)) {
            return false;
        }
        if (Character.isDigit(first) || first == '+' || first == '.') {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (Character.isWhitespace(last) || last == ':') {
            return false;
        }
        if (text.contains(": ") || text.contains(" #") || text.contains("\t")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return !YAML11_WORDS.contains(text.toLowerCase(Locale.ROOT));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
