package cirrus.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Property: any JSON document the runtime reads and writes again comes out as cirrus v0.15.4's
 * Python would write it. {@value #DOCUMENTS} random documents (floats, exponents, big and negative
 * integers, {@code -0.0}, overflow, nesting, unicode) go through {@link Json#parse} then {@link
 * PythonJson#dumps} and {@link Json#write}, and are compared byte for byte with what one python3
 * process prints for {@code json.dumps(json.loads(x))} (and its compact, non-ASCII form).
 */
class NumberRoundTripPropertyTest {
    static final int DOCUMENTS = 10_000;

    private static final String PYTHON =
            """
            import json, sys
            out = sys.stdout.buffer
            for line in sys.stdin.buffer.read().split(b"\\n"):
                if not line:
                    continue
                value = json.loads(line.decode("utf-8"))
                out.write(json.dumps(value).encode("ascii") + b"\\t")
                compact = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
                out.write(compact.encode("utf-8") + b"\\n")
            """;

    @Test
    void parseThenWriteGivesWhatPythonJsonGives() throws Exception {
        long seed = Long.getLong("cirrus.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> documents = new ArrayList<>(DOCUMENTS);
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new RandomJson(random).document());
        }
        List<String[]> python = python(documents);

        int numbers = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            String doc = documents.get(i);
            String why = "document " + i + " (seed " + seed + "): " + doc;
            var node = Json.parse(doc);
            assertThat(PythonJson.dumps(node)).as(why).isEqualTo(python.get(i)[0]);
            assertThat(Json.write(node)).as(why).isEqualTo(python.get(i)[1]);
            numbers += numbers(node);
        }
        System.out.printf(
                "NumberRoundTripPropertyTest: %d documents (%d numbers) equal to python3's"
                        + " json.dumps, seed %d%n",
                DOCUMENTS, numbers, seed);
    }

    private static int numbers(com.fasterxml.jackson.databind.JsonNode node) {
        int n = node.isNumber() ? 1 : 0;
        for (var child : node) {
            n += numbers(child);
        }
        return n;
    }

    /** One python3 process for all documents: json.dumps(json.loads(line)) for each line. */
    private static List<String[]> python(List<String> documents) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", PYTHON).redirectErrorStream(false).start();
        } catch (IOException e) {
            boolean ci = "true".equals(System.getenv("CI"));
            if (ci) {
                throw new AssertionError("python3 is required under CI=true", e);
            }
            Assumptions.abort("python3 not found: number round-trip property not checked");
            throw e;
        }
        Thread writer =
                new Thread(
                        () -> {
                            try (OutputStream in = p.getOutputStream()) {
                                for (String d : documents) {
                                    in.write((d + "\n").getBytes(StandardCharsets.UTF_8));
                                }
                            } catch (IOException e) {
                                // python3 exited early; its stderr and exit code tell why
                            }
                        });
        writer.start();
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line.split("\t", 2));
            }
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        writer.join();
        assertThat(p.exitValue()).as("python3 exit, stderr: " + err).isZero();
        assertThat(out).hasSize(documents.size());
        return out;
    }
}
