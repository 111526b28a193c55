package cirrus.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlEmitterTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = YamlEmitterTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"expected-serverless.yml", "init-only-serverless.yml"})
    void serverlessYmlOfCirrusV0RoundTripsByteForByte(String name) throws IOException {
        String text = resource(name);
        Object tree = YamlLoader.loadString(text, Path.of(name)).root();
        assertThat(YamlEmitter.dump(tree)).isEqualTo(text);
    }

    @Test
    void stringsThatYaml11ReadsAsOtherTypesAreQuoted() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("a", "yes");
        tree.put("b", "2012-10-17");
        tree.put("c", "0123");
        tree.put("d", "*");
        tree.put("e", "");
        tree.put("f", "12");
        tree.put("g", "plain text");
        assertThat(YamlEmitter.dump(tree))
                .isEqualTo(
                        "a: 'yes'\nb: '2012-10-17'\nc: '0123'\nd: '*'\ne: ''\nf: '12'\n"
                                + "g: plain text\n");
    }

    @Test
    void sequencesAreIndentedUnderTheirKeyAndEmptyCollectionsAreFlow() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("list", List.of(Map.of("Ref", "X"), "b"));
        tree.put("empty", Map.of());
        tree.put("none", List.of());
        assertThat(YamlEmitter.dump(tree))
                .isEqualTo("list:\n  - Ref: X\n  - b\nempty: {}\nnone: []\n");
    }

    @Test
    void scalarsOtherThanStringsAreWrittenLikePython() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("t", true);
        tree.put("n", null);
        tree.put("i", 13L);
        tree.put("f", 2.0);
        tree.put("small", 1e-5);
        tree.put("multi", "line one\nline two\n");
        assertThat(YamlEmitter.dump(tree))
                .isEqualTo(
                        "t: true\nn: null\ni: 13\nf: 2.0\nsmall: 1.0e-05\n"
                                + "multi: |\n  line one\n  line two\n");
    }
}
