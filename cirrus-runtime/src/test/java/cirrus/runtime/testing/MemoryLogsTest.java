package cirrus.runtime.testing;

import java.util.List;

import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogReaderContractTest;

class MemoryLogsTest extends LogReaderContractTest {
    private final MemoryLogs logs = new MemoryLogs();

    @Override
    protected LogReader createReader() {
        return logs;
    }

    @Override
    protected void write(String group, String stream, List<String> lines) {
        logs.write(group, stream, lines);
    }
}
