package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/**
 * {@code cirrus serverless|sls ARGS…} runs {@code node node_modules/serverless/bin/serverless.js}
 * in the build directory with the arguments untouched. A stand-in serverless.js (real Node.js, real
 * subprocess) reports where and how it was called.
 */
public class ServerlessCommandTest {
    @TempDir Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void init() throws IOException {
        Files.writeString(project.resolve("cirrus.yml"), "service: cirrus\n");
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(o),
                        new PrintWriter(e),
                        new Environment(project, env));
        out = o.toString();
        err = e.toString();
        return code;
    }

    public static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void withoutNpmInstallItSaysSo() {
        assertThat(run("sls", "deploy")).isEqualTo(ExitCode.ERROR);
        assertThat(err)
                .isEqualTo(
                        "error[CIRRUS-B030] No serverless binary; have you run `npm install`?\n");
    }

    @Test
    void argumentsPassThroughToServerlessRunInTheBuildDirectory() throws IOException {
        assumeTrue(
                nodeAvailable() || System.getenv("CI") != null,
                "Node.js is not installed; skipping the serverless pass-through test");
        Path bin = Files.createDirectories(project.resolve("node_modules/serverless/bin"));
        Files.writeString(
                bin.resolve("serverless.js"),
                "console.log('fake serverless invoked in ' + process.cwd() + ' with: '"
                        + " + process.argv.slice(2).join(' '));\n"
                        + "console.error('to stderr');\n"
                        + "process.exit(process.argv.includes('--fail') ? 3 : 0);\n");

        assertThat(run("sls", "deploy", "--stage", "prod", "--unknown-flag")).isZero();
        assertThat(out)
                .isEqualTo(
                        "fake serverless invoked in "
                                + project.resolve(".cirrus/build").toRealPath()
                                + " with: deploy --stage prod --unknown-flag\n");
        assertThat(err).isEqualTo("to stderr\n");

        assertThat(run("serverless", "remove", "--fail")).isEqualTo(3);
    }
}
