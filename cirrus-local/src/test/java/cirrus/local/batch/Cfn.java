package cirrus.local.batch;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads CloudFormation resources written as JSON in tests. */
final class Cfn {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cfn() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static BatchResources resources(String json) {
        return BatchResources.fromCloudFormation(parse(json));
    }
}
