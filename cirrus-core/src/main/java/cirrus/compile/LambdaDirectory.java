package cirrus.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One Python Lambda's directory in the build output, {@code lambdas/<name>/}: the component's files
 * except {@code definition.yml} (sub-directories without {@code *.pyc} and {@code __pycache__}),
 * its {@code requirements.txt}, and a {@code cirrus -> ../../cirrus} link when the Python runtime
 * library is bundled. It can also tell whether an existing directory already holds exactly that, so
 * a rebuild keeps it instead of deleting and rewriting it (deleting thousands of small files is the
 * slowest part of a rebuild on many file systems).
 */
final class LambdaDirectory {
    static final String REQUIREMENTS = "requirements.txt";
    static final String LIBRARY_LINK = "cirrus";
    static final Path LIBRARY_TARGET = Path.of("../../cirrus");

    private LambdaDirectory() {}

    /** Writes the directory {@code out} (which must not exist). */
    static void write(LambdaPackage lambda, Path out, boolean linkLibrary) throws IOException {
        Files.createDirectories(out);
        for (Path entry : componentEntries(lambda.sourceDirectory())) {
            Path to = out.resolve(entry.getFileName().toString());
            if (Files.isDirectory(entry)) {
                copyTree(entry, to);
            } else {
                Files.copy(entry, to);
            }
        }
        Files.writeString(out.resolve(REQUIREMENTS), requirements(lambda), StandardCharsets.UTF_8);
        if (linkLibrary) {
            Files.createSymbolicLink(out.resolve(LIBRARY_LINK), LIBRARY_TARGET);
        }
    }

    /** Whether {@code existing} holds exactly what {@link #write} would write. */
    static boolean matches(LambdaPackage lambda, Path existing, boolean linkLibrary)
            throws IOException {
        if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        for (Path entry : componentEntries(lambda.sourceDirectory())) {
            String name = entry.getFileName().toString();
            expected.add(name);
            if (name.equals(REQUIREMENTS)) {
                continue; // the component's own one is overwritten by the generated one
            }
            if (!sameContent(entry, existing.resolve(name))) {
                return false;
            }
        }
        if (!expected.contains(REQUIREMENTS)) {
            expected.add(REQUIREMENTS);
        }
        Path requirements = existing.resolve(REQUIREMENTS);
        if (!Files.isRegularFile(requirements, LinkOption.NOFOLLOW_LINKS)
                || !Files.readString(requirements, StandardCharsets.UTF_8)
                        .equals(requirements(lambda))) {
            return false;
        }
        if (linkLibrary) {
            expected.add(LIBRARY_LINK);
            Path link = existing.resolve(LIBRARY_LINK);
            if (!Files.isSymbolicLink(link)
                    || !Files.readSymbolicLink(link).equals(LIBRARY_TARGET)) {
                return false;
            }
        }
        return sameNames(existing, expected);
    }

    private static String requirements(LambdaPackage lambda) {
        return Requirements.fileContent(lambda.requirements());
    }

    /** The component's entries that are copied: all but {@code definition.yml}. */
    private static List<Path> componentEntries(Path source) throws IOException {
        List<Path> entries = sortedEntries(source);
        entries.removeIf(p -> p.getFileName().toString().equals("definition.yml"));
        return entries;
    }

    /** Entries copied from a sub-directory: all but {@code *.pyc} and {@code __pycache__}. */
    private static List<Path> treeEntries(Path dir) throws IOException {
        List<Path> entries = sortedEntries(dir);
        entries.removeIf(
                p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".pyc") || name.equals("__pycache__");
                });
        return entries;
    }

    /** Copies a directory recursively, skipping {@code *.pyc} and {@code __pycache__}. */
    static void copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        for (Path entry : treeEntries(source)) {
            Path to = target.resolve(entry.getFileName().toString());
            if (Files.isDirectory(entry)) {
                copyTree(entry, to);
            } else {
                Files.copy(entry, to);
            }
        }
    }

    /** Whether {@code copy} is what copying {@code source} (file or tree) produced. */
    private static boolean sameContent(Path source, Path copy) throws IOException {
        if (Files.isDirectory(source)) {
            if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            List<String> names = new ArrayList<>();
            for (Path entry : treeEntries(source)) {
                String name = entry.getFileName().toString();
                names.add(name);
                if (!sameContent(entry, copy.resolve(name))) {
                    return false;
                }
            }
            return sameNames(copy, names);
        }
        return Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)
                && Files.size(source) == Files.size(copy)
                && Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(copy));
    }

    private static boolean sameNames(Path dir, List<String> expected) throws IOException {
        List<String> actual = new ArrayList<>();
        for (Path p : sortedEntries(dir)) {
            actual.add(p.getFileName().toString());
        }
        List<String> wanted = new ArrayList<>(expected);
        wanted.sort(Comparator.naturalOrder());
        return actual.equals(wanted);
    }

    static List<Path> sortedEntries(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }
}
