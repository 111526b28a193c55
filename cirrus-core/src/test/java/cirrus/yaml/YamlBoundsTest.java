package cirrus.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile YAML is refused with one located line, quickly and in bounded memory: alias bombs, merge
 * key cycles, deep nesting and huge scalars. (The timeouts only stop a hang; they are no speed
 * assertion.)
 */
@Timeout(value = 60)
class YamlBoundsTest {
    private static final Path FILE = Path.of("cirrus.yml");

    private static String oneLineError(String yaml) {
        Throwable thrown = null;
        try {
            YamlLoader.loadString(yaml, FILE);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).isInstanceOf(YamlException.class);
        String message = ((YamlException) thrown).diagnostic().toString();
        assertThat(message).doesNotContain("\n").startsWith("cirrus.yml:");
        return message;
    }

    @Test
    void anAliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThat(oneLineError(yaml.toString())).contains("alias");
    }

    @Test
    void aNarrowAliasBombUnderTheAliasCountIsRefusedByTheExpansionBudget() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 40; i++) {
            yaml.append("a").append(i).append(": &a").append(i);
            yaml.append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        assertThat(oneLineError(yaml.toString())).contains("alias");
    }

    @Test
    void aSelfReferencingMergeKeyIsRefused() {
        assertThat(oneLineError("base: &b\n  x: 1\n  <<: *b\n"))
                .matches("cirrus\\.yml:\\d+:\\d+: .*")
                .contains("recursive");
    }

    @Test
    void fiveThousandDeepNestingIsRefused() {
        assertThat(oneLineError("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n"))
                .contains("nested deeper than");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            block.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertThat(oneLineError(block.toString())).contains("nested deeper than");
    }

    @Test
    void aHugeScalarIsRefused() {
        String big = "k: " + "x".repeat(70 * 1024 * 1024) + "\n";
        long start = System.nanoTime();
        assertThat(oneLineError(big)).contains("larger than");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void ordinaryAnchorsAndMergeKeysStillWork() {
        YamlDocument doc =
                YamlLoader.loadString(
                        "base: &b {x: 1, y: [1, 2]}\none: {<<: *b, z: 3}\ntwo: *b\n", FILE);
        assertThat(doc.root().toString())
                .isEqualTo("{base={x=1, y=[1, 2]}, one={x=1, y=[1, 2], z=3}, two={x=1, y=[1, 2]}}");
    }

    @Test
    void aRecursiveMergeKeyThroughAListIsRefused() {
        assertThatThrownBy(() -> YamlLoader.loadString("a: &a\n  <<: [*a]\n", FILE))
                .isInstanceOf(YamlException.class);
    }
}
