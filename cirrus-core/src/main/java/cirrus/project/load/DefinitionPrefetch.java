package cirrus.project.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlLoader;

/**
 * Parses the {@code definition.yml} files of a component group in parallel before the group is
 * loaded in order; parsing is most of the time of loading a large project. Results (documents or
 * the exceptions parsing threw) are handed out in the loader's own order, so warnings and errors
 * come out exactly as with sequential parsing. Small groups are not worth the threads and are
 * parsed on demand.
 */
final class DefinitionPrefetch {
    /** Below this many definitions parsing in parallel does not pay for itself. */
    static final int MINIMUM = 32;

    private final Map<Path, Object> parsed = new ConcurrentHashMap<>();

    /**
     * Parses {@code files} (those that exist) in parallel, keeping the results for {@link #read}.
     */
    void prefetch(List<Path> files) {
        if (files.size() < MINIMUM) {
            return;
        }
        files.parallelStream()
                .filter(Files::isRegularFile)
                .forEach(
                        file -> {
                            Object result;
                            try {
                                result = YamlLoader.load(file);
                            } catch (RuntimeException e) {
                                result = e;
                            }
                            parsed.put(file, result);
                        });
    }

    /** The document of {@code file}: prefetched (once) or parsed now. */
    YamlDocument read(Path file) {
        Object result = parsed.remove(file);
        if (result instanceof YamlDocument doc) {
            return doc;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return YamlLoader.load(file);
    }

    /** Drops what was not used (components skipped before their definition was read). */
    void clear() {
        parsed.clear();
    }
}
