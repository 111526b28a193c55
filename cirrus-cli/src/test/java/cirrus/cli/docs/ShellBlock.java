package cirrus.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced shell block of a Markdown document ({@code ```bash}, {@code ```sh}, {@code ```shell}),
 * with the marker of the HTML comment just above it, if any:
 *
 * <ul>
 *   <li>{@code <!-- docs-test: expect-fail -->}: the block must exit non-zero;
 *   <li>{@code <!-- docs-test: aws REASON -->}: needs real AWS (credentials, Docker, npm); not run,
 *       REASON names the test that covers it against moto_server where one does;
 *   <li>{@code <!-- docs-test: skip REASON -->}: not run, REASON says where else {@code ./test}
 *       runs it.
 * </ul>
 *
 * @param document the document's path, for messages
 * @param line the 1-based line of the opening fence
 * @param script the block's text
 * @param marker the marker, or empty
 */
record ShellBlock(String document, int line, String script, Optional<Marker> marker) {
    /** What a marker says about a block. */
    enum Kind {
        EXPECT_FAIL,
        AWS,
        SKIP
    }

    record Marker(Kind kind, String reason) {}

    private static final Pattern FENCE = Pattern.compile("^```(bash|sh|shell)\\s*$");
    private static final Pattern MARKER =
            Pattern.compile("^<!--\\s*docs-test:\\s*(expect-fail|aws|skip)\\b\\s*(.*?)\\s*-->$");

    /** Whether the block runs (is neither AWS-only nor skipped). */
    boolean runs() {
        return marker.map(m -> m.kind() == Kind.EXPECT_FAIL).orElse(true);
    }

    boolean expectFail() {
        return marker.map(m -> m.kind() == Kind.EXPECT_FAIL).orElse(false);
    }

    @Override
    public String toString() {
        return document + ":" + line;
    }

    /** The shell blocks of {@code markdown}, in order; indented fences (in lists) count too. */
    static List<ShellBlock> of(String document, String markdown) {
        List<ShellBlock> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (!FENCE.matcher(stripped).matches()) {
                continue;
            }
            int indent = lines[i].indexOf('`');
            Optional<Marker> marker = Optional.empty();
            for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                Matcher m = MARKER.matcher(lines[j].strip());
                if (m.matches()) {
                    marker =
                            Optional.of(
                                    new Marker(
                                            Kind.valueOf(
                                                    m.group(1).toUpperCase().replace('-', '_')),
                                            m.group(2)));
                    break;
                }
                if (!lines[j].isBlank()) {
                    break;
                }
            }
            StringBuilder script = new StringBuilder();
            int start = i + 1;
            i++;
            while (i < lines.length && !lines[i].strip().equals("```")) {
                String text = lines[i];
                script.append(text.length() >= indent ? text.substring(indent) : text.strip())
                        .append('\n');
                i++;
            }
            if (i >= lines.length) {
                throw new IllegalArgumentException(
                        document + ":" + start + ": shell block without closing fence");
            }
            blocks.add(new ShellBlock(document, start, script.toString(), marker));
        }
        return blocks;
    }
}
