package cirrus.local.batch;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What an in-process {@link ContainerTask} receives: the request (job id, attempt, image), its
 * command and environment, and the log writer of its log stream (each line is flushed).
 */
public record TaskInvocation(ContainerRequest request, PrintWriter log) {
    /** The resolved command. */
    public List<String> command() {
        return request.command();
    }

    /** The container's environment variables. */
    public Map<String, String> environment() {
        return request.environment();
    }
}
