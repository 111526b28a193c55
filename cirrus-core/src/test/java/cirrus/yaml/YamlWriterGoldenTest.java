package cirrus.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a serverless.yml written by cirrus v0.15.4 and writing it back gives the same bytes. */
class YamlWriterGoldenTest {
    static String resource(String name) {
        try (InputStream in = YamlWriterGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "expected-serverless.yml",
                "init-only-serverless.yml",
            })
    void upstreamOutputRoundTripsByteForByte(String name) {
        String golden = resource(name);
        Object tree = YamlLoader.loadString(golden, Path.of(name)).root();
        assertThat(YamlWriter.write(tree)).isEqualTo(golden);
    }
}
