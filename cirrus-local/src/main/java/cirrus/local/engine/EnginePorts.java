package cirrus.local.engine;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalNames;
import cirrus.local.model.LocalQueue;
import cirrus.local.store.LocalStores;
import cirrus.local.store.SqliteQueue;
import cirrus.local.store.SqliteTopic;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;

/**
 * The local adapters the builtins use, found by the names and ARNs the project's environment
 * variables hold: a topic ARN or queue URL resolves to the SQLite topic or queue of that name (with
 * the queue's redrive policy from the project), a bucket name to its directory.
 */
final class EnginePorts {
    private final LocalModel model;
    private final LocalStores stores;
    private final LogReader logs;
    private final Clock clock;
    private final Map<String, SqliteQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, SqliteTopic> topics = new ConcurrentHashMap<>();

    EnginePorts(LocalModel model, LocalStores stores, LogReader logs, Clock clock) {
        this.model = model;
        this.stores = stores;
        this.logs = logs;
        this.clock = clock;
    }

    LocalModel model() {
        return model;
    }

    LocalStores stores() {
        return stores;
    }

    StateStore states() {
        return stores.stateStore();
    }

    BlobStore blobs() {
        return stores.blobStore();
    }

    LogReader logs() {
        return logs;
    }

    Clock clock() {
        return clock;
    }

    /** The queue with this URL, ARN or name (a queue the project does not declare is created). */
    SqliteQueue queue(String reference) {
        String name =
                model.queue(reference).map(LocalQueue::name).orElse(LocalNames.lastPart(reference));
        return queues.computeIfAbsent(
                name,
                n -> {
                    Optional<LocalQueue> declared = model.queue(n);
                    if (declared.isPresent() && declared.get().deadLetterQueue().isPresent()) {
                        LocalQueue q = declared.get();
                        return stores.queue(
                                n,
                                new SqliteQueue.Redrive(
                                        q.deadLetterQueue().get(), q.maxReceiveCount()));
                    }
                    return stores.queue(n);
                });
    }

    /** The topic with this ARN or name. */
    Topic topic(String reference) {
        return topics.computeIfAbsent(LocalNames.lastPart(reference), stores::topic);
    }

    /** The topic named by an environment variable of a function, if set. */
    Optional<Topic> topicOf(Map<String, String> environment, String variable) {
        String arn = environment.get(variable);
        return arn == null || arn.isBlank() ? Optional.empty() : Optional.of(topic(arn));
    }

    /** The queue named by an environment variable of a function, if set. */
    Optional<Queue> queueOf(Map<String, String> environment, String variable) {
        String url = environment.get(variable);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(queue(url));
    }

    /** Payload transport over the payload bucket named by {@code CIRRUS_PAYLOAD_BUCKET}. */
    PayloadTransport transport(Map<String, String> environment) {
        String bucket = environment.getOrDefault("CIRRUS_PAYLOAD_BUCKET", "");
        if (bucket.isBlank()) {
            bucket =
                    model.bucket("Payloads")
                            .map(b -> b.name())
                            .orElse(model.names().stackName() + "-payloads");
        }
        return new PayloadTransport(blobs(), bucket, SizeLimit.DEFAULT);
    }
}
