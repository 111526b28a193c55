package cirrus.diag;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a source file: 1-based line and column. {@code line == 0} means "the whole file".
 *
 * @param file the file, as the user named it (relative to the project when possible)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Location(Path file, int line, int column) {
    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** A location for a whole file, with no line or column. */
    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    /** The same place reported relative to {@code base} when the file lies below it. */
    public Location relativeTo(Path base) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        return abs.startsWith(root) ? new Location(root.relativize(abs), line, column) : this;
    }

    /** {@code file:line:col}, {@code file:line} or {@code file}. */
    @Override
    public String toString() {
        if (line == 0) {
            return file.toString();
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
