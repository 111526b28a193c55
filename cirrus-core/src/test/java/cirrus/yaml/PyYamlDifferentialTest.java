package cirrus.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.project.Fixtures;

/**
 * Random trees written by {@link YamlWriter} and by PyYAML configured as cirrus v0.15.4's dumper
 * must be byte-identical. Needs {@code python3} with PyYAML (present wherever moto is); under
 * {@code CI=true} it must run, elsewhere it is skipped when Python or PyYAML is missing.
 */
class PyYamlDifferentialTest {
    private static final String[] ATOMS = {
        "a",
        "Z",
        "0",
        "7",
        " ",
        "  ",
        ":",
        ": ",
        "#",
        " #",
        "-",
        "- ",
        "'",
        "\"",
        "\\",
        "\n",
        "\t",
        "yes",
        "No",
        "null",
        "~",
        "true",
        "1.5",
        "0x1F",
        "2012-10-17",
        "---",
        "...",
        "?",
        "!",
        "&",
        "*",
        "|",
        ">",
        "%",
        "@",
        "`",
        "[",
        "]",
        "{",
        "}",
        ",",
        "é",
        "€",
        "${self:x}",
        "#{AWS::Region}",
        "arn:aws:s3:::",
        "word ",
        "longerword",
        "=",
        "<<"
    };

    @TempDir Path dir;

    private static String randomString(Random r) {
        StringBuilder s = new StringBuilder();
        int parts = r.nextInt(r.nextInt(10) == 0 ? 40 : 6);
        for (int i = 0; i < parts; i++) {
            s.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return s.toString();
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 6 : 9);
        switch (kind) {
            case 0:
                return r.nextLong() >> r.nextInt(63);
            case 1:
                return r.nextBoolean();
            case 2:
                return null;
            case 3:
                return Math.round(r.nextDouble() * 1000) / 8.0;
            case 4, 5:
                return randomString(r);
            case 6, 7:
                {
                    Map<String, Object> map = new LinkedHashMap<>();
                    int n = r.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        map.put(randomString(r) + i, randomValue(r, depth + 1));
                    }
                    return map;
                }
            default:
                {
                    List<Object> list = new ArrayList<>();
                    int n = r.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        list.add(randomValue(r, depth + 1));
                    }
                    return list;
                }
        }
    }

    @Test
    void randomTreesAreWrittenExactlyLikePyYaml() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        Path script = dir.resolve("dump.py");
        Files.writeString(script, Fixtures.text("pyyaml/dump.py"));
        List<Object> trees = new ArrayList<>();
        Random random = new Random(20261125L);
        for (int i = 0; i < 2000; i++) {
            if (i % 40 == 0) {
                trees.add(randomValue(random, 0));
                continue;
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("k" + i, randomValue(random, 0));
            root.put(randomString(random) + "x", randomValue(random, 1));
            trees.add(root);
        }
        ObjectMapper json = new ObjectMapper();
        StringBuilder input = new StringBuilder();
        for (Object tree : trees) {
            input.append(json.writeValueAsString(tree)).append('\n');
        }
        Path documents = dir.resolve("documents.jsonl");
        Files.writeString(documents, input);
        String output = runPython(script, documents, ci);
        String[] dumps = output.split("\0", -1);
        String[] lines = input.toString().split("\n");
        assertThat(dumps).hasSize(trees.size() + 1);
        for (int i = 0; i < trees.size(); i++) {
            String ours = YamlWriter.write(trees.get(i));
            if (!ours.equals(dumps[i])) {
                assertThat(ours).as("tree %d: %s", i, lines[i]).isEqualTo(dumps[i]);
            }
        }
    }

    private static String runPython(Path script, Path documents, boolean ci) throws Exception {
        Path errors = documents.resolveSibling("stderr.txt");
        Process p;
        try {
            p =
                    new ProcessBuilder("python3", script.toString(), documents.toString())
                            .redirectError(errors.toFile())
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                            .start();
        } catch (IOException e) {
            assumeTrue(ci, "python3 is not installed; skipping the PyYAML comparison");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errors);
        if (p.exitValue() != 0 && err.contains("No module named 'yaml'")) {
            assumeTrue(ci, "PyYAML is not installed; skipping the PyYAML comparison");
        }
        assertThat(p.exitValue()).as(err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
