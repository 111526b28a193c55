package cirrus.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogReaderContractTest;

@ExtendWith(MotoExtension.class)
class CloudWatchLogReaderTest extends LogReaderContractTest {
    private static AwsClients clients;

    private static AwsClients clients() {
        if (clients == null) {
            clients = MotoAws.clients(MotoServer.shared());
        }
        return clients;
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    @Override
    protected LogReader createReader() {
        return new CloudWatchLogReader(clients().logs());
    }

    @Override
    protected void write(String group, String stream, List<String> lines) {
        try {
            clients().logs().createLogGroup(r -> r.logGroupName(group));
        } catch (ResourceAlreadyExistsException e) {
            // shared by several streams
        }
        clients().logs().createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long start = Instant.now().toEpochMilli() - lines.size();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(InputLogEvent.builder().timestamp(start + i).message(lines.get(i)).build());
        }
        if (!events.isEmpty()) {
            clients()
                    .logs()
                    .putLogEvents(
                            r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
        }
    }

    @Test
    void batchJobsLoggingToAnotherGroupAreReadThroughTheConfiguredGroup() {
        write("/custom/batch", "job/default/1", List.of("first", "InvalidInput: moved"));
        LogReader reader = new CloudWatchLogReader(clients().logs(), "/custom/batch");
        assertThat(reader.lastLines(LogReader.BATCH_LOG_GROUP, "job/default/1", 1))
                .containsExactly("InvalidInput: moved");
        assertThat(reader.lastLines("/custom/batch", "job/default/1", 5))
                .containsExactly("first", "InvalidInput: moved");
    }
}
