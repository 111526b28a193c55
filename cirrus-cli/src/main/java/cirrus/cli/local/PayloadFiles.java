package cirrus.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.payload.ProcessPayload;

/**
 * Payload files for {@code cirrus run} and {@code cirrus payload submit}: each file (or {@code -}
 * for stdin) holds one payload or a JSON array of payloads. Every payload is validated before
 * anything is sent; problems are one line each, {@code FILE[:LINE:COL]: error[CODE] message}.
 */
public final class PayloadFiles {
    private PayloadFiles() {}

    /** The payloads read, or the problems found. */
    public record Read(List<JsonNode> payloads, List<String> errors) {}

    /**
     * A copy of {@code payload} with {@code process.replace} set (in the first process definition
     * of a chain), so that {@code process} runs it again even when it is COMPLETED or INVALID.
     */
    public static JsonNode withReplace(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        JsonNode process = copy.get("process");
        if (process != null
                && process.isArray()
                && process.size() > 0
                && process.get(0).isObject()) {
            ((ObjectNode) process.get(0)).put("replace", true);
        } else if (process != null && process.isObject()) {
            ((ObjectNode) process).put("replace", true);
        }
        return copy;
    }

    public static Read read(List<String> files, InputStream stdin) {
        List<JsonNode> payloads = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String file : files) {
            String name = file.equals("-") ? "<stdin>" : file;
            String text;
            try {
                text =
                        file.equals("-")
                                ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                                : Files.readString(Path.of(file));
            } catch (NoSuchFileException e) {
                errors.add(name + ": error[CIRRUS-P000] no such file");
                continue;
            } catch (IOException e) {
                errors.add(name + ": error[CIRRUS-P000] cannot read: " + e.getMessage());
                continue;
            }
            JsonNode json;
            try {
                json = Json.parse(text);
            } catch (InvalidJsonException e) {
                errors.add(
                        e.locatedIn(name)
                                + ": error[CIRRUS-P001] "
                                + e.getMessage().replace('\n', ' '));
                continue;
            }
            List<JsonNode> found = new ArrayList<>();
            if (json.isArray()) {
                json.forEach(found::add);
            } else {
                found.add(json);
            }
            for (int i = 0; i < found.size(); i++) {
                String where = json.isArray() ? name + "[" + i + "]" : name;
                try {
                    ProcessPayload.of(found.get(i).deepCopy(), true);
                    payloads.add(found.get(i));
                } catch (InvalidPayloadException e) {
                    errors.add(where + ": error[" + e.code().id() + "] " + e.getMessage());
                }
            }
        }
        return new Read(payloads, errors);
    }
}
