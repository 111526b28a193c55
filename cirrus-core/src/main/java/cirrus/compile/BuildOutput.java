package cirrus.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.yaml.YamlWriter;

/**
 * Writes a compiled project into its build directory ({@code .cirrus/build}) so that a failed build
 * never leaves a half-written output: the new output is written into a fresh sibling directory,
 * which then replaces the old one. From the old output only Serverless' own {@code .serverless/}
 * and the Lambda directories whose content has not changed are carried over (moved, which is much
 * faster than deleting and rewriting thousands of small files); everything else of it, stale Lambda
 * directories included, is deleted.
 *
 * <p>Layout: {@code serverless.yml}; {@code lambdas/<name>/} per Python Lambda (see {@link
 * LambdaDirectory}); {@code lambdas/cirrus-builtins.jar} for the builtin Java Lambdas; {@code
 * cirrus/lib2/} when a Python runtime library directory is given.
 *
 * <p>A build that is killed (not one that fails) between replacing the directory and moving the
 * unchanged Lambda directories in can leave an incomplete output; the next build writes a complete
 * one.
 */
public final class BuildOutput {
    /** The file the build writes. */
    public static final String SERVERLESS_YML = "serverless.yml";

    /** Serverless' own state, kept across builds. */
    public static final String SERVERLESS_STATE = ".serverless";

    /** Where the builtin Lambdas' jar is placed, relative to the build directory. */
    public static final String BUILTINS_JAR = LambdaPackage.LAMBDAS_DIR + "/cirrus-builtins.jar";

    private static final String NEW_PREFIX = ".build-new-";
    private static final String OLD_PREFIX = ".build-old-";

    /**
     * What to write besides serverless.yml.
     *
     * @param builtinsJar the jar of the builtin Lambdas to place at {@link #BUILTINS_JAR}, if any
     * @param pythonLib a {@code cirrus} package directory holding {@code lib2/}, copied to {@code
     *     cirrus/lib2} and linked from every Python Lambda, if any
     * @param files more files to write at the top of the build directory (name → UTF-8 text), e.g.
     *     {@code cloudformation.json}
     */
    public record Extras(
            Optional<Path> builtinsJar, Optional<Path> pythonLib, Map<String, String> files) {
        public static final Extras NONE = new Extras(Optional.empty(), Optional.empty());

        public Extras {
            files = Map.copyOf(files);
        }

        public Extras(Optional<Path> builtinsJar, Optional<Path> pythonLib) {
            this(builtinsJar, pythonLib, Map.of());
        }

        /** The same extras with {@code more} files. */
        public Extras withFiles(Map<String, String> more) {
            Map<String, String> all = new java.util.TreeMap<>(files);
            all.putAll(more);
            return new Extras(builtinsJar, pythonLib, all);
        }
    }

    private BuildOutput() {}

    /**
     * Replaces the content of {@code buildDir} with the given output.
     *
     * @throws DiagnosticException ({@link BuildCode#OUTPUT_FAILED}) when something cannot be
     *     written; the previous output is then left as it was
     */
    public static void write(
            Path buildDir, Object serverless, List<LambdaPackage> lambdas, Extras extras) {
        Path parent = buildDir.toAbsolutePath().getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            recoverInterruptedSwap(buildDir, parent);
            staging = Files.createTempDirectory(parent, NEW_PREFIX);
            List<LambdaPackage> kept = fill(staging, buildDir, serverless, lambdas, extras);
            swap(staging, buildDir, parent, kept, extras.pythonLib().isPresent());
            staging = null;
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw failed(io);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /**
     * Writes the new output into {@code staging}, except Lambda directories the old output already
     * holds unchanged: those are returned, to be moved over during the swap.
     */
    private static List<LambdaPackage> fill(
            Path staging,
            Path buildDir,
            Object serverless,
            List<LambdaPackage> lambdas,
            Extras extras)
            throws IOException {
        Files.writeString(
                staging.resolve(SERVERLESS_YML),
                YamlWriter.write(serverless),
                StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(extras.files()).entrySet()) {
            Files.writeString(
                    staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        boolean linkLibrary = extras.pythonLib().isPresent();
        if (linkLibrary) {
            LambdaDirectory.copyTree(
                    extras.pythonLib().get().resolve("lib2"), staging.resolve("cirrus/lib2"));
        }
        Path lambdasDir = staging.resolve(LambdaPackage.LAMBDAS_DIR);
        if (!lambdas.isEmpty() || extras.builtinsJar().isPresent()) {
            Files.createDirectories(lambdasDir);
        }
        Path oldLambdas = buildDir.resolve(LambdaPackage.LAMBDAS_DIR);
        List<LambdaPackage> kept = new ArrayList<>();
        for (LambdaPackage lambda : lambdas) {
            if (LambdaDirectory.matches(lambda, oldLambdas.resolve(lambda.name()), linkLibrary)) {
                kept.add(lambda);
            } else {
                LambdaDirectory.write(lambda, lambdasDir.resolve(lambda.name()), linkLibrary);
            }
        }
        if (extras.builtinsJar().isPresent()) {
            Path target = staging.resolve(BUILTINS_JAR);
            Path jar = extras.builtinsJar().get();
            try {
                Files.createLink(target, jar.toRealPath());
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return kept;
    }

    /**
     * Puts {@code staging} in place of {@code buildDir}, then moves into it the unchanged Lambda
     * directories and {@code .serverless/} of the old output, and deletes the rest of the old one.
     */
    private static void swap(
            Path staging, Path buildDir, Path parent, List<LambdaPackage> kept, boolean linkLibrary)
            throws IOException {
        if (!Files.exists(buildDir, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, buildDir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(parent, OLD_PREFIX);
        Files.delete(old);
        Files.move(buildDir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, buildDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, buildDir, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        for (LambdaPackage lambda : kept) {
            Path target = buildDir.resolve(lambda.module());
            try {
                Files.move(old.resolve(lambda.module()), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(target);
                LambdaDirectory.write(lambda, target, linkLibrary);
            }
        }
        Path state = old.resolve(SERVERLESS_STATE);
        if (Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(state, buildDir.resolve(SERVERLESS_STATE), StandardCopyOption.ATOMIC_MOVE);
        }
        deleteQuietly(old);
    }

    /**
     * Cleans up after a build that was killed: staging directories are removed, and if the build
     * directory itself is missing while an old one was set aside, the old one is put back.
     */
    private static void recoverInterruptedSwap(Path buildDir, Path parent) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, ".build-*-*")) {
            stream.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            String name = leftover.getFileName().toString();
            if (name.startsWith(OLD_PREFIX) && !Files.exists(buildDir)) {
                Files.move(leftover, buildDir, StandardCopyOption.ATOMIC_MOVE);
            } else if (name.startsWith(OLD_PREFIX) || name.startsWith(NEW_PREFIX)) {
                deleteQuietly(leftover);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover staging directory is removed by the next build
        }
    }

    private static DiagnosticException failed(IOException e) {
        Location location = null;
        String reason = e.getMessage();
        if (e instanceof FileSystemException fs) {
            location = fs.getFile() == null ? null : Location.of(Path.of(fs.getFile()));
            reason =
                    fs.getReason() != null
                            ? fs.getReason()
                            : e instanceof java.nio.file.NoSuchFileException
                                    ? "no such file or directory"
                                    : e.getClass().getSimpleName();
        }
        String message =
                "cannot write the build output ("
                        + reason
                        + "); the previous build output was left unchanged";
        return new DiagnosticException(
                List.of(Diagnostic.error(BuildCode.OUTPUT_FAILED.code(), location, message)), e);
    }
}
