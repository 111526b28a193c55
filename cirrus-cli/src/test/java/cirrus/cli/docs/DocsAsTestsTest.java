package cirrus.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation is executed: every shell block of the documents in {@link #DOCUMENTS} runs, in
 * order, in a fresh directory per document, against this build of {@code cirrus} (on {@code PATH}
 * as {@code cirrus}, and as {@code ./cirrus} in the directory that stands for the repository). A
 * command line that exits non-zero fails the block, unless the block is marked {@code expect-fail};
 * blocks marked {@code aws} or {@code skip} are listed with their reason and not run (see {@link
 * ShellBlock}). A {@code cd} carries over to the next block, as in a reader's shell.
 */
class DocsAsTestsTest {
    /** The documents with runnable steps, relative to the repository root. */
    static final List<String> DOCUMENTS = List.of("README.md", "docs/tutorial.md");

    private static final long BLOCK_TIMEOUT_SECONDS = 300;

    @TempDir Path work;

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("cirrus-cli/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not run inside the repository");
        }
        return dir;
    }

    static List<ShellBlock> blocks(String document) throws IOException {
        String text = Files.readString(repositoryRoot().resolve(document), StandardCharsets.UTF_8);
        return ShellBlock.of(document, text);
    }

    @Test
    void everyBlockThatDoesNotRunSaysWhy() throws IOException {
        for (String document : DOCUMENTS) {
            for (ShellBlock block : blocks(document)) {
                block.marker()
                        .filter(m -> m.kind() != ShellBlock.Kind.EXPECT_FAIL)
                        .ifPresent(m -> assertThat(m.reason()).as(block.toString()).isNotBlank());
            }
            assertThat(blocks(document).stream().filter(ShellBlock::runs))
                    .as(document + " has runnable shell blocks")
                    .isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicNode> theDocumentsRunAsWritten() throws IOException {
        List<DynamicNode> documents = new ArrayList<>();
        for (String document : DOCUMENTS) {
            List<DynamicTest> steps = new ArrayList<>();
            Path[] cwd = new Path[1];
            for (ShellBlock block : blocks(document)) {
                steps.add(
                        DynamicTest.dynamicTest(
                                block.toString(),
                                () -> {
                                    if (cwd[0] == null) {
                                        cwd[0] = setUp(document);
                                    }
                                    run(block, cwd);
                                }));
            }
            documents.add(DynamicContainer.dynamicContainer(document, steps));
        }
        return documents.stream();
    }

    /** A fresh directory that stands for the repository, with {@code ./cirrus} in it. */
    private Path setUp(String document) throws IOException {
        Path dir = Files.createDirectories(work.resolve(document.replace('/', '_')));
        Path cirrus = dir.resolve("cirrus");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(
                cirrus,
                "#!/bin/sh\n"
                        + "exec '"
                        + java
                        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '"
                        + System.getProperty("java.class.path")
                        + "' cirrus.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(cirrus, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private void run(ShellBlock block, Path[] cwd) throws IOException, InterruptedException {
        if (!block.runs()) {
            System.out.println(
                    "docs-test: not run: "
                            + block
                            + " ("
                            + block.marker().orElseThrow().kind().name().toLowerCase()
                            + ": "
                            + block.marker().orElseThrow().reason()
                            + ")");
            return;
        }
        Path cwdFile = work.resolve("cwd");
        Path script = work.resolve("block.sh");
        Files.writeString(script, ScriptOf.block(block, cwdFile));
        Path log = work.resolve("block.log");
        ProcessBuilder pb =
                new ProcessBuilder("bash", script.toString())
                        .directory(cwd[0].toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        Path root = rootOf(cwd[0]);
        pb.environment().put("PATH", root + ":" + System.getenv("PATH"));
        pb.environment().put("NO_COLOR", "1");
        pb.environment().remove("CIRRUS_DIR");
        pb.environment().remove("CIRRUS_SERVE_URL");
        Process process = pb.start();
        if (!process.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    block + " did not finish in " + BLOCK_TIMEOUT_SECONDS + " s\n" + read(log));
        }
        int exit = process.exitValue();
        String output = read(log);
        if (block.expectFail()) {
            assertThat(exit).as(block + " is marked expect-fail\n" + output).isNotZero();
        } else {
            assertThat(exit).as(block + "\n" + block.script() + "--- output\n" + output).isZero();
            cwd[0] = Path.of(Files.readString(cwdFile).strip());
        }
        System.out.println("docs-test: ran " + block);
    }

    private Path rootOf(Path cwd) {
        Path dir = cwd;
        while (dir != null && !Files.exists(dir.resolve("cirrus"))) {
            dir = dir.getParent();
        }
        return dir != null ? dir : cwd;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
