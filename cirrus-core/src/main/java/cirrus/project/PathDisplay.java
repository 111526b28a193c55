package cirrus.project;

import java.nio.file.Path;

/**
 * How paths appear in messages: relative to the directory the user runs {@code cirrus} from, with a
 * {@code ./} prefix (as cirrus v0.15.4 prints them: {@code ./tasks/my-task}), or {@code ../…} when
 * outside it. Paths inside a jar (built-in components) are shown as their path in the jar.
 *
 * @param base the directory paths are shown relative to (normally the working directory)
 */
public record PathDisplay(Path base) {
    public PathDisplay {
        base = base.toAbsolutePath().normalize();
    }

    /** The text shown for {@code path}. */
    public String show(Path path) {
        if (!"file".equals(path.getFileSystem().provider().getScheme())) {
            return path.toString();
        }
        Path abs = path.toAbsolutePath().normalize();
        if (abs.getRoot() == null || !abs.getRoot().equals(base.getRoot())) {
            return abs.toString();
        }
        String rel = base.relativize(abs).toString();
        if (rel.isEmpty()) {
            return ".";
        }
        return rel.startsWith("..") ? rel : "./" + rel;
    }
}
