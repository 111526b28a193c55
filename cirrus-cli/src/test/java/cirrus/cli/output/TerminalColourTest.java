package cirrus.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour is decided per stream, on a real pseudo-terminal (util-linux {@code script}): a message
 * written to a terminal is coloured, the same message redirected to a file is not, and {@code
 * NO_COLOR} turns colour off only when it is set to a non-empty value (no-color.org).
 */
class TerminalColourTest {
    private static final String ESC = "\u001b[";

    @TempDir Path dir;

    @BeforeAll
    static void needsScript() {
        boolean present =
                Files.isExecutable(Path.of("/usr/bin/script"))
                        || Files.isExecutable(Path.of("/bin/script"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("util-linux 'script' is required under CI=true");
        }
        assumeTrue(present, "util-linux 'script' (a pseudo-terminal) is not installed: skipped");
    }

    /** Runs {@code cirrus --no-such-option} on a terminal, with {@code redirect} appended. */
    private String onTerminal(String redirect, Map<String, String> env)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command =
                "'"
                        + java
                        + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
                        + System.getProperty("java.class.path")
                        + "' cirrus.cli.Main --no-such-option "
                        + redirect;
        ProcessBuilder pb =
                new ProcessBuilder("script", "-qec", command, "/dev/null")
                        .directory(dir.toFile())
                        .redirectErrorStream(true);
        pb.environment().remove("NO_COLOR");
        pb.environment().put("TERM", "xterm");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void stderrRedirectedToAFileGetsNoEscapeCodesWhileStdoutIsATerminal() throws Exception {
        onTerminal("2>err.log", Map.of());
        String log = Files.readString(dir.resolve("err.log"));
        assertThat(log).contains("Error: No such option: --no-such-option").doesNotContain(ESC);
    }

    @Test
    void noColorTurnsColourOffButStderrStaysInteractiveForProgress() {
        Terminal t = Terminal.detect(Map.of("NO_COLOR", "1"), true);
        assertThat(t.colour()).isFalse();
        assertThat(t.interactive()).isTrue();
        assertThat(Terminal.detect(Map.of(), false)).isEqualTo(Terminal.PLAIN);
    }

    @Test
    void stderrOnATerminalIsColoured() throws Exception {
        assertThat(onTerminal("", Map.of())).contains(ESC + "31mError: No such option");
    }

    @Test
    void anEmptyNoColorDoesNotTurnColourOff() throws Exception {
        assertThat(onTerminal("", Map.of("NO_COLOR", ""))).contains(ESC + "31mError:");
    }

    @Test
    void aNonEmptyNoColorTurnsColourOff() throws Exception {
        assertThat(onTerminal("", Map.of("NO_COLOR", "1"))).doesNotContain(ESC);
    }
}
