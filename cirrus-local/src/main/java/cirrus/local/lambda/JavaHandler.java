package cirrus.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/** A Java Lambda handler bound in-process: event in, result out; exceptions are its errors. */
@FunctionalInterface
public interface JavaHandler {
    JsonNode handle(JsonNode event, InvocationContext context) throws Exception;
}
