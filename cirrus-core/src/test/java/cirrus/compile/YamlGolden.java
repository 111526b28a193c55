package cirrus.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the cirrus v0.15.4 reference outputs copied under {@code src/test/resources/golden}. */
final class YamlGolden {
    private YamlGolden() {}

    static String resource(String name) {
        try (InputStream in = YamlGolden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
