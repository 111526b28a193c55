package cirrus.local.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The buckets, queues and topics of the evaluated resources. */
record ResourceModels(LocalNames names, Path stateDirectory, ConfigReader config) {

    Map<String, LocalBucket> buckets(Collection<LocalResource> resources) {
        Map<String, LocalBucket> result = new LinkedHashMap<>();
        for (LocalResource r : resources) {
            if (r.kind() == ResourceKind.BUCKET) {
                result.put(
                        r.logicalId(),
                        new LocalBucket(
                                r.logicalId(),
                                r.name(),
                                stateDirectory.resolve("buckets").resolve(r.name())));
            }
        }
        return result;
    }

    Map<String, LocalQueue> queues(Collection<LocalResource> resources) {
        Map<String, LocalQueue> result = new LinkedHashMap<>();
        for (LocalResource r : resources) {
            if (r.kind() != ResourceKind.QUEUE) {
                continue;
            }
            Map<String, Object> p = r.properties();
            double visibility = config.number(p, "VisibilityTimeout").orElse(30.0);
            Map<String, Object> redrive = redrivePolicy(p);
            Optional<String> target =
                    config.string(redrive, "deadLetterTargetArn").map(LocalNames::lastPart);
            int maxReceive = config.number(redrive, "maxReceiveCount").orElse(0.0).intValue();
            result.put(
                    r.logicalId(),
                    new LocalQueue(
                            r.logicalId(),
                            r.name(),
                            names.queueUrl(r.name()),
                            names.queueArn(r.name()),
                            Duration.ofMillis(Math.round(visibility * 1000)),
                            target,
                            maxReceive));
        }
        return result;
    }

    Map<String, LocalTopic> topics(Collection<LocalResource> resources) {
        Map<String, LocalTopic> result = new LinkedHashMap<>();
        for (LocalResource r : resources) {
            if (r.kind() == ResourceKind.TOPIC) {
                result.put(
                        r.logicalId(),
                        new LocalTopic(r.logicalId(), r.name(), names.topicArn(r.name())));
            }
        }
        return result;
    }

    /** {@code RedrivePolicy} as a mapping (CloudFormation also accepts it as JSON text). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> redrivePolicy(Map<String, Object> properties) {
        Object v = properties.get("RedrivePolicy");
        if (v instanceof String s) {
            try {
                JsonNode json = new ObjectMapper().readTree(s);
                return new ObjectMapper().convertValue(json, Map.class);
            } catch (JsonProcessingException e) {
                config.error(properties, "RedrivePolicy", "RedrivePolicy is not valid JSON");
                return Map.of();
            }
        }
        return config.map(properties, "RedrivePolicy");
    }
}
