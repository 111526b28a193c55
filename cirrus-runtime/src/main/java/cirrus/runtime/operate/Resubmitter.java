package cirrus.runtime.operate;

import java.util.List;

/** Sends messages (JSON text) to the pipeline's process queue. */
@FunctionalInterface
public interface Resubmitter {
    void send(List<String> messages);
}
