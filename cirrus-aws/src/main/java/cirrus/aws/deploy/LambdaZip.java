package cirrus.aws.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a Lambda code directory reproducibly: the same files give the same bytes (entries sorted,
 * fixed timestamps), so an unchanged function keeps its S3 key and CloudFormation leaves it alone.
 * Symbolic links are followed (the {@code cirrus -> ../../cirrus} runtime link), compiled Python
 * ({@code __pycache__}, {@code *.pyc}) is left out.
 */
final class LambdaZip {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private LambdaZip() {}

    static void write(Path directory, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !excluded(directory.relativize(p)))
                            .sorted((a, b) -> name(directory, a).compareTo(name(directory, b)))
                            .toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(name(directory, file));
                entry.setTimeLocal(EPOCH);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static String name(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("__pycache__")) {
                return true;
            }
        }
        return relative.getFileName().toString().endsWith(".pyc");
    }
}
