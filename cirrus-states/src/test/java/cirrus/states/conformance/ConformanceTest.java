package cirrus.states.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.json.Json;
import cirrus.states.json.JsonEquality;
import cirrus.states.model.DefinitionError;
import cirrus.states.model.StateMachine;
import cirrus.states.model.StateMachineReader;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.HistoryEvent;
import cirrus.states.run.Interpreter;
import cirrus.states.run.Limits;

/**
 * Runs every case under {@code src/test/resources/conformance/<group>/<case>.json}: a definition,
 * an input, task behaviours as data, and the expected output, error or definition errors
 * (optionally the history's event types, invocation counts, elapsed virtual time). Cases for
 * features this interpreter does not implement are listed in {@link #UNSUPPORTED} with the reason;
 * they show as skipped, never vanish.
 */
class ConformanceTest {
    /** Case ({@code group/name}) → why it is not supported. */
    static final Map<String, String> UNSUPPORTED =
            Map.of(
                    "unsupported/variables-assign",
                    "variables (Assign, $name) of the 2024 spec are not implemented; the reader"
                            + " reports ASL-E014",
                    "unsupported/jsonata-output",
                    "only the JSONPath query language is implemented; JSONata gives ASL-E014",
                    "unsupported/item-batcher",
                    "Map ItemBatcher (a Distributed Map feature) is not implemented; the reader"
                            + " reports ASL-E014");

    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    private static final String REGEX = "~re:";

    @TestFactory
    Stream<DynamicNode> conformance() throws IOException, URISyntaxException {
        Path root = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        Set<String> seen = new TreeSet<>();
        List<DynamicNode> groups = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path group : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<DynamicNode> cases = new ArrayList<>();
                try (Stream<Path> files = Files.list(group)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        String name =
                                group.getFileName()
                                        + "/"
                                        + file.getFileName().toString().replace(".json", "");
                        seen.add(name);
                        cases.add(
                                DynamicTest.dynamicTest(
                                        name, file.toUri(), () -> runCase(name, file)));
                    }
                }
                groups.add(
                        DynamicContainer.dynamicContainer(group.getFileName().toString(), cases));
            }
        }
        groups.add(
                DynamicTest.dynamicTest(
                        "every unsupported case exists",
                        () -> assertThat(seen).containsAll(UNSUPPORTED.keySet())));
        groups.add(
                DynamicTest.dynamicTest(
                        "every predefined error name has a case in errors/ citing its source",
                        () -> assertErrorNamesCovered(root.resolve("errors"))));
        groups.add(
                DynamicTest.dynamicTest(
                        "the corpus has at least 200 cases",
                        () -> assertThat(seen.size()).isGreaterThanOrEqualTo(200)));
        return groups.stream();
    }

    private static void runCase(String name, Path file) throws Exception {
        String reason = UNSUPPORTED.get(name);
        Assumptions.assumeTrue(reason == null, () -> "unsupported: " + reason);
        JsonNode spec = Json.parse(Files.readString(file));
        JsonNode expected = spec.get("expected");
        if (expected == null) {
            fail("case " + name + " has no 'expected'");
        }
        if (expected.has("definitionErrors")) {
            checkDefinitionErrors(spec.get("definition"), expected.get("definitionErrors"));
            return;
        }
        StateMachine machine = StateMachineReader.read(spec.get("definition"));
        JsonNode limits = spec.path("limits");
        Interpreter interpreter =
                new Interpreter(
                        machine,
                        new Limits(
                                limits.path("maxPayloadBytes").asLong(Limits.AWS.maxPayloadBytes()),
                                limits.path("maxHistoryEvents")
                                        .asLong(Limits.AWS.maxHistoryEvents())));
        Map<String, JsonNode> scripts = new TreeMap<>();
        spec.path("tasks")
                .properties()
                .iterator()
                .forEachRemaining(e -> scripts.put(e.getKey(), e.getValue()));
        JsonNode input = spec.has("input") ? spec.get("input") : Json.object();
        ExecutionInfo execution =
                ExecutionInfo.local("machine", "case", input, START, spec.path("seed").asLong(7));
        Simulation.Result result = new Simulation(interpreter, scripts).run(execution);

        String status = result.snapshot().status().name();
        if (expected.has("output")) {
            assertThat(status)
                    .as("status (error: %s)", result.snapshot().error())
                    .isEqualTo("SUCCEEDED");
            assertMatches(result.snapshot().output(), expected.get("output"), "$");
        } else {
            assertThat(status).as("status").isEqualTo(expected.path("status").asText("FAILED"));
            assertThat(result.snapshot().error().error())
                    .as("error (cause: %s)", result.snapshot().error().cause())
                    .isEqualTo(expected.get("error").asText());
            if (expected.has("cause")) {
                assertMatches(
                        Json.NODES.textNode(result.snapshot().error().cause()),
                        expected.get("cause"),
                        "Cause");
            }
        }
        if (spec.has("history")) {
            List<String> types = result.history().stream().map(HistoryEvent::type).toList();
            List<String> wanted = new ArrayList<>();
            spec.get("history").forEach(t -> wanted.add(t.asText()));
            assertThat(types).as("history event types").containsExactlyElementsOf(wanted);
        }
        if (spec.has("invocations")) {
            Iterator<Map.Entry<String, JsonNode>> counts =
                    spec.get("invocations").properties().iterator();
            while (counts.hasNext()) {
                Map.Entry<String, JsonNode> count = counts.next();
                assertThat(result.invocations().getOrDefault(count.getKey(), 0))
                        .as("invocations of %s", count.getKey())
                        .isEqualTo(count.getValue().asInt());
            }
        }
        if (spec.has("elapsedSeconds")) {
            assertThat(result.elapsed().toMillis() / 1000.0)
                    .as("elapsed virtual seconds")
                    .isEqualTo(spec.get("elapsedSeconds").asDouble());
        }
        for (int i = 0; i < result.history().size(); i++) {
            assertThat(result.history().get(i).id())
                    .as("event ids are 1, 2, 3...")
                    .isEqualTo(i + 1);
        }
    }

    /**
     * The {@code errors/} group holds, per predefined error name ({@code "errorName"}), cases that
     * show how it arises, whether Retry and Catch handle it, and its Cause, each citing the
     * recorded AWS run or the document it follows ({@code "source"}).
     */
    private static void assertErrorNamesCovered(Path errors) throws IOException {
        Set<String> covered = new TreeSet<>();
        try (Stream<Path> files = Files.list(errors)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode spec = Json.parse(Files.readString(file));
                String name = spec.path("errorName").asText();
                assertThat(ErrorNames.PREDEFINED)
                        .as("errorName of %s", file.getFileName())
                        .contains(name);
                assertThat(spec.path("source").asText())
                        .as("source of %s", file.getFileName())
                        .isNotBlank();
                covered.add(name);
            }
        }
        assertThat(covered).containsAll(ErrorNames.PREDEFINED);
    }

    private static void checkDefinitionErrors(JsonNode definition, JsonNode expected) {
        List<DefinitionError> errors = StateMachineReader.check(definition);
        Set<String> actual =
                errors.stream()
                        .map(e -> e.code().code() + " " + e.path())
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = new TreeSet<>();
        expected.forEach(e -> wanted.add(e.get("code").asText() + " " + e.get("path").asText()));
        assertThat(actual).as("definition errors %s", errors).isEqualTo(wanted);
    }

    /** Deep comparison where an expected string {@code "~re:<regex>"} matches by regex. */
    static void assertMatches(JsonNode actual, JsonNode expected, String at) {
        if (expected.isTextual() && expected.textValue().startsWith(REGEX)) {
            assertThat(actual != null && actual.isTextual())
                    .as("%s is a string, actual %s", at, actual)
                    .isTrue();
            assertThat(actual.textValue())
                    .as(at)
                    .matches(expected.textValue().substring(REGEX.length()));
            return;
        }
        if (expected.isObject() && actual != null && actual.isObject()) {
            assertThat(iterable(actual.fieldNames()))
                    .as("fields of %s", at)
                    .containsExactlyInAnyOrderElementsOf(iterable(expected.fieldNames()));
            expected.properties()
                    .iterator()
                    .forEachRemaining(
                            e ->
                                    assertMatches(
                                            actual.get(e.getKey()),
                                            e.getValue(),
                                            at + "." + e.getKey()));
            return;
        }
        if (expected.isArray() && actual != null && actual.isArray()) {
            assertThat(actual.size())
                    .as("size of %s (actual %s)", at, actual)
                    .isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertMatches(actual.get(i), expected.get(i), at + "[" + i + "]");
            }
            return;
        }
        assertThat(JsonEquality.equal(actual, expected))
                .as("%s: expected %s but was %s", at, expected, actual)
                .isTrue();
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
