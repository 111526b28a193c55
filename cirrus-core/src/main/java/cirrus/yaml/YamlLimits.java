package cirrus.yaml;

import java.util.Optional;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The bounds every YAML file is read within, so that no input can hang the CLI or exhaust its stack
 * or memory: project files are small, so the limits sit far above any real one.
 *
 * <ul>
 *   <li>{@value #MAX_CODE_POINTS} code points per file (snakeyaml-engine's code point limit);
 *   <li>{@value #MAX_DEPTH} levels of nesting, checked on the parser's events before the composer
 *       recurses, and again while aliases and merge keys are expanded;
 *   <li>{@value #MAX_NODES} nodes after alias and merge-key expansion (an "alias bomb" of a few
 *       kilobytes would expand to billions).
 * </ul>
 */
final class YamlLimits {
    /** CloudFormation's own limit on a template (1 MB); snakeyaml scans long scalars slowly. */
    static final int MAX_CODE_POINTS = 1024 * 1024;

    static final int MAX_DEPTH = 500;
    static final int MAX_NODES = 250_000;
    static final int MAX_COLLECTION_ALIASES = 10_000;

    private YamlLimits() {}

    /** The 1-based line and column of character {@code offset} of {@code text}. */
    static cirrus.diag.Location locateOffset(java.nio.file.Path source, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new cirrus.diag.Location(source, line, offset - lineStart + 1);
    }

    static String tooDeep() {
        return "YAML nested deeper than " + MAX_DEPTH + " levels";
    }

    static String tooLarge() {
        return "YAML expands to more than "
                + MAX_NODES
                + " nodes through aliases or merge keys (an alias bomb?)";
    }

    /** A parser that refuses collections nested deeper than {@link #MAX_DEPTH}. */
    static Parser depthLimited(Parser inner) {
        return new Parser() {
            private int depth;

            @Override
            public boolean checkEvent(Event.ID id) {
                return inner.checkEvent(id);
            }

            @Override
            public Event peekEvent() {
                return inner.peekEvent();
            }

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public Event next() {
                Event event = inner.next();
                switch (event.getEventId()) {
                    case MappingStart, SequenceStart -> {
                        if (++depth > MAX_DEPTH) {
                            Optional<Mark> at = event.getStartMark();
                            throw new ComposerException(tooDeep(), at);
                        }
                    }
                    case MappingEnd, SequenceEnd -> depth--;
                    default -> {
                        // scalars, aliases, documents
                    }
                }
                return event;
            }
        };
    }
}
