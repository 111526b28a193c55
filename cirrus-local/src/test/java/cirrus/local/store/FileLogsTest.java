package cirrus.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogReaderContractTest;

class FileLogsTest extends LogReaderContractTest {
    @TempDir Path dir;

    private FileLogs logs() {
        return new FileLogs(dir.resolve("logs"));
    }

    @Override
    protected LogReader createReader() {
        return logs();
    }

    @Override
    protected void write(String group, String stream, List<String> lines) {
        logs().append(group, stream, lines);
    }

    @Test
    void streamsAreFilesUnderTheirGroup() {
        logs().append("/aws/batch/job", "def/default/abc", List.of("hello"));
        assertThat(dir.resolve("logs/aws/batch/job/def/default/abc.log")).hasContent("hello");
    }

    @Test
    void theLastLineOfALargeLogIsFound() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add("some fairly long log line number " + i + " with padding ..............");
        }
        lines.add("cirrus.lib.errors.InvalidInput: the end");
        logs().append(GROUP, "big", lines);
        assertThat(logs().lastLines(GROUP, "big", 1))
                .containsExactly("cirrus.lib.errors.InvalidInput: the end");
        assertThat(logs().lastLines(GROUP, "big", 400)).hasSize(400);
    }

    @Test
    void streamNamesCannotEscapeTheLogDirectory() {
        assertThatThrownBy(() -> logs().lastLines(GROUP, "../../etc/passwd", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
