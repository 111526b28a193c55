package cirrus.aws.deploy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * serverless-python-requirements' {@code slim}: files and directories of the installed requirements
 * matching a glob pattern ({@code custom.pythonRequirements.slimPatterns}, e.g. {@code numpy/**}
 * for a library a Lambda layer provides) are left out of the package. A pattern starting with
 * {@code **}{@code /} also matches at the top.
 *
 * @see <a href="https://github.com/serverless/serverless-python-requirements#slim-package">Slim
 *     package</a>
 */
final class SlimPatterns {
    private final List<PathMatcher> matchers = new ArrayList<>();

    SlimPatterns(List<String> patterns) {
        for (String pattern : patterns) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                matchers.add(
                        FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
    }

    boolean isEmpty() {
        return matchers.isEmpty();
    }

    /** Deletes what matches under {@code root}; returns how many files were removed. */
    int removeFrom(Path root) throws IOException {
        List<Path> matched;
        try (Stream<Path> walk = Files.walk(root)) {
            matched = walk.filter(p -> !p.equals(root) && matches(root.relativize(p))).toList();
        }
        int removed = 0;
        for (Path p : matched) {
            if (!Files.exists(p)) {
                continue; // inside a directory removed before
            }
            try (Stream<Path> tree = Files.walk(p)) {
                for (Path q : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (Files.isRegularFile(q)) {
                        removed++;
                    }
                    Files.delete(q);
                }
            }
        }
        return removed;
    }

    private boolean matches(Path relative) {
        Path unix = Path.of(relative.toString().replace('\\', '/'));
        return matchers.stream().anyMatch(m -> m.matches(unix));
    }
}
