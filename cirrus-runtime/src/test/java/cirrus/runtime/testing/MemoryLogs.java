package cirrus.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogStreamNotFoundException;

/** Log streams in memory (verified against the contract by {@code MemoryLogsTest}). */
public final class MemoryLogs implements LogReader {
    private final Map<String, List<String>> streams = new ConcurrentHashMap<>();

    public void write(String group, String stream, List<String> lines) {
        streams.computeIfAbsent(group + "\n" + stream, k -> new ArrayList<>()).addAll(lines);
    }

    @Override
    public List<String> lastLines(String group, String stream, int max) {
        List<String> lines = streams.get(group + "\n" + stream);
        if (lines == null) {
            throw new LogStreamNotFoundException(group, stream);
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - max), lines.size()));
    }
}
