package cirrus.runtime.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What every {@link LogReader} must do. */
public abstract class LogReaderContractTest {
    protected static final String GROUP = LogReader.BATCH_LOG_GROUP;

    /** A reader over an empty log store. */
    protected abstract LogReader createReader() throws Exception;

    /** Writes {@code lines} (each one log event) to the stream, creating it. */
    protected abstract void write(String group, String stream, List<String> lines) throws Exception;

    @Test
    void theLastLinesComeOldestFirst() throws Exception {
        LogReader reader = createReader();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add("line " + i);
        }
        write(GROUP, "job-def/default/abc123", lines);
        assertThat(reader.lastLines(GROUP, "job-def/default/abc123", 3))
                .containsExactly("line 117", "line 118", "line 119");
        assertThat(reader.lastLines(GROUP, "job-def/default/abc123", 1))
                .containsExactly("line 119");
    }

    @Test
    void aShortStreamIsReturnedWhole() throws Exception {
        LogReader reader = createReader();
        write(GROUP, "short", List.of("only", "InvalidInput: no assets: x"));
        assertThat(reader.lastLines(GROUP, "short", 10))
                .containsExactly("only", "InvalidInput: no assets: x");
    }

    @Test
    void anEmptyStreamHasNoLines() throws Exception {
        LogReader reader = createReader();
        write(GROUP, "empty", List.of());
        assertThat(reader.lastLines(GROUP, "empty", 5)).isEmpty();
    }

    @Test
    void aMissingStreamIsReportedAsSuch() throws Exception {
        LogReader reader = createReader();
        assertThatThrownBy(() -> reader.lastLines(GROUP, "never-written", 1))
                .isInstanceOf(LogStreamNotFoundException.class)
                .hasMessageContaining("never-written");
    }
}
