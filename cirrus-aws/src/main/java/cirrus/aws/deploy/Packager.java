package cirrus.aws.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the code sources of a template into files to upload: a zip per Python Lambda directory (its
 * files, its requirements installed by pip) and the ready artifacts as they are. Each gets a
 * content-addressed S3 key ({@code <prefix>/<name>-<sha256>.<ext>}), so an unchanged artifact is
 * not uploaded again and its functions are not updated.
 */
final class Packager {
    /** A file ready to upload under {@code key}, for template parameter {@code parameter}. */
    record Package(String parameter, Path file, String key) {}

    private final Path workDirectory;
    private final PythonRequirements pip;
    private final SlimPatterns slim;
    private final Consumer<String> progress;

    /**
     * @param workDirectory where zips are written (created; cleaned of earlier work dirs)
     * @param slim what to leave out of the installed requirements
     */
    Packager(
            Path workDirectory,
            PythonRequirements pip,
            SlimPatterns slim,
            Consumer<String> progress) {
        this.workDirectory = workDirectory;
        this.pip = pip;
        this.slim = slim;
        this.progress = progress;
    }

    Packager(Path workDirectory, PythonRequirements pip, Consumer<String> progress) {
        this(workDirectory, pip, new SlimPatterns(List.of()), progress);
    }

    List<Package> packageAll(List<CodeSource> sources, String keyPrefix) {
        List<Package> packages = new ArrayList<>();
        try {
            Files.createDirectories(workDirectory);
            for (CodeSource source : sources) {
                Path file = source.pythonDirectory() ? zip(source) : existing(source);
                String name = stem(source.source().getFileName().toString());
                String ext =
                        source.pythonDirectory() ? "zip" : extension(file.getFileName().toString());
                packages.add(
                        new Package(
                                source.parameter(),
                                file,
                                keyPrefix
                                        + "/"
                                        + name
                                        + "-"
                                        + sha256(file).substring(0, 16)
                                        + (ext.isEmpty() ? "" : "." + ext)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DeployException(
                    DeployException.PACKAGING,
                    "cannot package the Lambda code: " + e.getMessage(),
                    e);
        }
        return packages;
    }

    private static Path existing(CodeSource source) {
        if (!Files.isRegularFile(source.source())) {
            throw new DeployException(
                    DeployException.PACKAGING,
                    source.source()
                            + " is missing (the builtin functions' jar is built by 'mvn -pl cirrus-aws -am package'; set CIRRUS_LAMBDA_JAR to its path)");
        }
        return source.source();
    }

    private Path zip(CodeSource source) throws IOException {
        Path dir = source.source();
        if (!Files.isDirectory(dir)) {
            throw new DeployException(
                    DeployException.PACKAGING, dir + " is missing; run the build again");
        }
        String name = dir.getFileName().toString();
        Path zip = workDirectory.resolve(name + ".zip");
        Path requirements = dir.resolve("requirements.txt");
        Path content = dir;
        Path staging = null;
        try {
            if (PythonRequirements.hasRequirements(requirements)) {
                progress.accept("Installing the requirements of " + name + " with pip");
                staging = workDirectory.resolve(".work-" + name);
                delete(staging);
                Path installed = staging.resolve("requirements");
                pip.install(requirements, installed, "'" + name + "'");
                if (!slim.isEmpty()) {
                    int removed = slim.removeFrom(installed);
                    progress.accept(
                            "Slimmed "
                                    + name
                                    + ": "
                                    + removed
                                    + " files of its requirements left out");
                }
                content = staging.resolve("package");
                if (Files.isDirectory(installed)) {
                    copy(installed, content);
                }
                copy(dir, content); // the function's own files win over a requirement's
            }
            progress.accept("Packaging " + name);
            try (OutputStream out = Files.newOutputStream(zip)) {
                LambdaZip.write(content, out);
            }
        } finally {
            if (staging != null) {
                delete(staging);
            }
        }
        return zip;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1) : "";
    }
}
