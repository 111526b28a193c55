package cirrus.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping as in Python's {@code textwrap}, which click's help uses. */
final class TextWrap {
    private TextWrap() {}

    /** {@code text} broken into lines of at most {@code width} characters (longer words alone). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
