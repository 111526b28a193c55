package cirrus.local.engine;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalNames;
import cirrus.local.model.LocalQueue;
import cirrus.local.model.LocalResource;
import cirrus.local.model.ResourceKind;
import cirrus.local.store.LocalStores;

/** What {@link LocalEngine} derives from the model before it wires the pipeline. */
final class EngineSetup {
    private EngineSetup() {}

    /**
     * The environment cirrus.yml's defaults give every function, for projects without a builtin.
     */
    static Map<String, String> defaultEnvironment(LocalModel model) {
        Map<String, String> env = new LinkedHashMap<>();
        LocalNames n = model.names();
        model.bucket("Payloads").ifPresent(b -> env.put("CIRRUS_PAYLOAD_BUCKET", b.name()));
        model.bucket("Data").ifPresent(b -> env.put("CIRRUS_DATA_BUCKET", b.name()));
        model.queue("ProcessQueue").ifPresent(q -> env.put("CIRRUS_PROCESS_QUEUE_URL", q.url()));
        model.topic("WorkflowEventTopic")
                .ifPresent(t -> env.put("CIRRUS_WORKFLOW_EVENT_TOPIC_ARN", t.arn()));
        model.topic("PublishTopic").ifPresent(t -> env.put("CIRRUS_PUBLISH_TOPIC_ARN", t.arn()));
        env.put("CIRRUS_STACK", n.stackName());
        return env;
    }

    static LocalQueue processQueue(LocalModel model, Map<String, String> updateEnv) {
        return model.queue("ProcessQueue")
                .or(
                        () ->
                                Optional.ofNullable(updateEnv.get("CIRRUS_PROCESS_QUEUE_URL"))
                                        .flatMap(model::queue))
                .orElseGet(
                        () -> {
                            String name = model.names().stackName() + "-process";
                            return new LocalQueue(
                                    "ProcessQueue",
                                    name,
                                    model.names().queueUrl(name),
                                    model.names().queueArn(name),
                                    java.time.Duration.ofSeconds(180),
                                    Optional.empty(),
                                    0);
                        });
    }

    /**
     * After a crash, messages the dead engine had received are invisible until their visibility
     * timeout; as the only consumer of this state directory, the new engine makes them visible now.
     */
    static void redeliverInFlightMessages(LocalStores stores) {
        long now = System.currentTimeMillis();
        stores.database()
                .write(
                        c -> {
                            try (var p =
                                    c.prepareStatement(
                                            "UPDATE queue_messages SET visible_at = ? WHERE visible_at > ?"
                                                    + " AND receipt_handle IS NOT NULL")) {
                                p.setLong(1, now);
                                p.setLong(2, now);
                                return p.executeUpdate();
                            }
                        });
    }

    static boolean hasBatch(LocalModel model) {
        return !model.resources(ResourceKind.JOB_QUEUE).isEmpty()
                || !model.resources(ResourceKind.JOB_DEFINITION).isEmpty();
    }

    /** The Batch resources as the emulator reads them, named as the local model names them. */
    static Map<String, Object> batchResources(LocalModel model) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (LocalResource r : model.resources().values()) {
            ResourceKind kind = r.kind();
            if (kind != ResourceKind.JOB_QUEUE
                    && kind != ResourceKind.COMPUTE_ENVIRONMENT
                    && kind != ResourceKind.JOB_DEFINITION) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>(r.properties());
            properties.put(kind.nameProperty().orElseThrow(), r.name());
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("Type", r.type());
            resource.put("Properties", properties);
            result.put(r.logicalId(), resource);
        }
        return result;
    }

    static URLClassLoader classLoader(LocalModel model) {
        List<URL> urls = new ArrayList<>();
        for (String entry : model.settings().javaClasspath()) {
            try {
                urls.add(model.projectDirectory().resolve(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(
                        "bad custom.local.javaClasspath entry " + entry, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), EngineSetup.class.getClassLoader());
    }
}
