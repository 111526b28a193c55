package cirrus.states.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;
import cirrus.states.model.StateMachineReader;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.Interpreter;

/**
 * Every valid definition of the corpus, run on inputs it was not written for: paths that select
 * nothing, wrong types and odd values must end the execution with a States error, never with a Java
 * exception.
 */
class OddInputsTest {
    private static final List<String> INPUTS =
            List.of(
                    "null",
                    "\"text\"",
                    "0",
                    "-1.5",
                    "[]",
                    "[null, {}]",
                    "{}",
                    "{\"a\": {\"b\": [1, \"x\"]}, \"items\": 3, \"v\": null}");

    @Test
    void oddInputsNeverEscapeAsExceptions() throws Exception {
        Path root = Path.of(OddInputsTest.class.getResource("/conformance").toURI());
        List<String> problems = new ArrayList<>();
        int runs = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode spec = Json.parse(Files.readString(file));
                if (spec.path("expected").has("definitionErrors")
                        || !StateMachineReader.check(spec.get("definition")).isEmpty()) {
                    continue;
                }
                Interpreter interpreter =
                        new Interpreter(StateMachineReader.read(spec.get("definition")));
                Map<String, JsonNode> scripts = new TreeMap<>();
                spec.path("tasks").properties().forEach(e -> scripts.put(e.getKey(), e.getValue()));
                for (String input : INPUTS) {
                    runs++;
                    try {
                        ExecutionInfo execution =
                                ExecutionInfo.local(
                                        "m", "odd", Json.parse(input), Instant.EPOCH, 1);
                        Simulation.Result result =
                                new Simulation(interpreter, scripts).run(execution);
                        assertThat(result.snapshot().status().isTerminal()).isTrue();
                    } catch (Exception | AssertionError e) {
                        problems.add(root.relativize(file) + " with input " + input + ": " + e);
                    }
                }
            }
        }
        assertThat(runs).isGreaterThan(1000);
        assertThat(problems).isEmpty();
    }
}
