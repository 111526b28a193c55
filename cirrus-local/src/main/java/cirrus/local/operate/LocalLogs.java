package cirrus.local.operate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import cirrus.local.store.FileLogs;
import cirrus.runtime.operate.LogLine;
import cirrus.runtime.operate.LogSource;
import cirrus.runtime.port.LogStreamNotFoundException;
import cirrus.runtime.port.StoreException;

/**
 * Log events from the local engine's log files. The files keep no time per line, so every line of a
 * stream carries the time its file was last written (Lambda invocations write their stream once, at
 * their end; Batch attempts append while they run).
 */
final class LocalLogs implements LogSource {
    private final FileLogs logs;

    LocalLogs(FileLogs logs) {
        this.logs = logs;
    }

    @Override
    public List<LogLine> tail(String group, String stream, int max) {
        Path file = logs.pathOf(group, stream);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            Instant at = modified(file);
            return logs.lastLines(group, stream, max).stream()
                    .map(l -> new LogLine(at, group, stream, "", l))
                    .toList();
        } catch (LogStreamNotFoundException e) {
            return List.of();
        }
    }

    @Override
    public List<LogLine> between(String group, Instant from, Instant to, int max) {
        Path dir = logs.pathOf(group, "x").getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files =
                    walk.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p))
                            .filter(
                                    p -> {
                                        Instant t = modified(p);
                                        return !t.isBefore(from) && !t.isAfter(to);
                                    })
                            .sorted(Comparator.comparing(LocalLogs::modified))
                            .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list logs of " + group + ": " + e.getMessage(), e);
        }
        List<LogLine> lines = new ArrayList<>();
        for (Path file : files) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            String stream = name.substring(0, name.length() - ".log".length());
            Instant at = modified(file);
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (lines.size() >= max) {
                        return lines;
                    }
                    lines.add(new LogLine(at, group, stream, "", line));
                }
            } catch (IOException e) {
                throw new StoreException("cannot read log " + file + ": " + e.getMessage(), e);
            }
        }
        return lines;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
