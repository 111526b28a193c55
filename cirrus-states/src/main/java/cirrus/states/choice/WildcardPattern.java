package cirrus.states.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * The pattern of {@code StringMatches}: {@code *} matches any run of characters, {@code \*} is a
 * literal star and {@code \\} a literal backslash; no other character is special.
 */
public final class WildcardPattern {
    private final String text;

    /** The literal pieces between stars; a match starts with the first and ends with the last. */
    private final List<String> pieces;

    private WildcardPattern(String text, List<String> pieces) {
        this.text = text;
        this.pieces = pieces;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException on an open escape (a backslash not before {@code *} or
     *     {@code \})
     */
    public static WildcardPattern compile(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length()
                        || (text.charAt(i + 1) != '*' && text.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException(
                            "open escape '\\' in StringMatches pattern '"
                                    + text
                                    + "' (only \\* and \\\\ are escapes)");
                }
                piece.append(text.charAt(++i));
            } else if (c == '*') {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return new WildcardPattern(text, List.copyOf(pieces));
    }

    /** Whether the whole of {@code value} matches. */
    public boolean matches(String value) {
        if (pieces.size() == 1) {
            return value.equals(pieces.get(0));
        }
        String first = pieces.get(0);
        String last = pieces.get(pieces.size() - 1);
        if (value.length() < first.length() + last.length()
                || !value.startsWith(first)
                || !value.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int limit = value.length() - last.length();
        for (int i = 1; i < pieces.size() - 1; i++) {
            String piece = pieces.get(i);
            int at = value.indexOf(piece, from);
            if (at < 0 || at + piece.length() > limit) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
