package cirrus.local.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogStreamNotFoundException;
import cirrus.runtime.port.StoreException;

/**
 * Reads the logs post-batch asks for: group {@code /aws/batch/job} from the files the Batch
 * emulator writes (one per log stream, {@code <batch logs>/<definition>/default/<job id>}), other
 * groups from the engine's log files.
 */
final class BatchLogs implements LogReader {
    private final Path batchLogs;
    private final LogReader other;

    BatchLogs(Path batchLogs, LogReader other) {
        this.batchLogs = batchLogs.toAbsolutePath().normalize();
        this.other = other;
    }

    @Override
    public List<String> lastLines(String group, String stream, int max) {
        if (!group.equals(BATCH_LOG_GROUP)) {
            return other.lastLines(group, stream, max);
        }
        Path file = batchLogs.resolve(stream).normalize();
        if (!file.startsWith(batchLogs)) {
            throw new LogStreamNotFoundException(group, stream);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return List.copyOf(lines.subList(Math.max(0, lines.size() - max), lines.size()));
        } catch (NoSuchFileException e) {
            throw new LogStreamNotFoundException(group, stream);
        } catch (IOException e) {
            throw new StoreException("cannot read log " + file + ": " + e.getMessage(), e);
        }
    }
}
