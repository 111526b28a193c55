package cirrus.example.geotiff.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import cirrus.cli.Cli;
import cirrus.example.geotiff.samples.SampleGeoTiffs;

/**
 * A copy of the example project ({@code examples/geotiff-pipeline}, the parent of this module) in a
 * temporary directory, with the sample GeoTIFFs in its local data bucket, driven through the CLI
 * in-process. The Java tasks come from this module's classes, which the test class path holds.
 */
final class ExampleProject {
    static final String DATA_BUCKET = "geotiff-pipeline-dev-data";
    private static final List<String> PROJECT_FILES =
            List.of(
                    "cirrus.yml",
                    "package.json",
                    "cloudformation",
                    "tasks",
                    "workflows",
                    "payloads");

    record Result(int code, String out, String err) {}

    private final Path dir;

    private ExampleProject(Path dir) {
        this.dir = dir;
    }

    /** The example copied into {@code dir}, samples written. */
    static ExampleProject copyTo(Path dir) throws IOException {
        // surefire runs in the module directory and names it in "basedir"
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path source = module.getParent();
        for (String name : PROJECT_FILES) {
            copy(source.resolve(name), dir.resolve(name));
        }
        SampleGeoTiffs.writeAll(dir.resolve(".cirrus/local/buckets/" + DATA_BUCKET + "/sources"));
        return new ExampleProject(dir);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    Path dir() {
        return dir;
    }

    /** A file of the local data bucket ({@code s3://geotiff-pipeline-dev-data/<key>}). */
    Path dataFile(String key) {
        return dir.resolve(".cirrus/local/buckets/" + DATA_BUCKET + "/" + key);
    }

    /** The payload files of the example, by name. */
    List<String> payloads(String... names) {
        return Stream.of(names)
                .map(n -> dir.resolve("payloads/" + n + ".json").toString())
                .toList();
    }

    /** {@code cirrus --cirrus-dir <project> args...} in-process. */
    Result cirrus(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--cirrus-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
