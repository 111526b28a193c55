package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up archive's training run: every command it trains must succeed, or the launcher
 * discards the archive (and every later call starts slowly, silently).
 */
class TrainingTest {
    @Test
    void runsEveryEverydayCommandSuccessfullyInsideItsScratchDirectory(@TempDir Path scratch)
            throws Exception {
        assertThat(Training.train(scratch)).isZero();
        assertThat(scratch.resolve("project/.cirrus/build/serverless.yml")).isRegularFile();
        assertThat(Files.readString(scratch.resolve("payload.json"))).contains("\"process\"");
    }
}
