package cirrus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The registry is one table of unique, documented codes, one rule class each. */
class RuleCatalogTest {
    @Test
    void codesAreUniqueAndNumberedByFamily() {
        Set<String> codes = new HashSet<>();
        for (RuleCatalog rule : RuleCatalog.values()) {
            assertThat(codes.add(rule.code())).as("unique %s", rule.code()).isTrue();
            assertThat(rule.code()).matches("CIRRUS-V[0-5]\\d\\d");
            int family = rule.code().charAt("CIRRUS-V".length()) - '0';
            assertThat(family).as(rule.code()).isEqualTo(rule.family().ordinal());
            assertThat(rule.title()).isNotBlank();
        }
        assertThat(codes).doesNotContain(RuleCatalog.INTERNAL_ERROR);
    }

    @Test
    void everyRuleIsItsOwnClassInTheRulePackage() {
        Set<Class<?>> classes = new HashSet<>();
        for (RuleCatalog rule : RuleCatalog.values()) {
            Class<?> type = rule.rule().getClass();
            assertThat(type.getPackageName()).isEqualTo("cirrus.validate.rule");
            assertThat(type.getSimpleName()).endsWith("Rule");
            assertThat(classes.add(type)).as("%s has its own class", rule.code()).isTrue();
        }
    }

    @Test
    void docsListEveryCode() throws IOException {
        String docs = Files.readString(Path.of("../docs/validation.md"));
        for (RuleCatalog rule : RuleCatalog.values()) {
            assertThat(docs)
                    .as("docs/validation.md lists %s", rule.code())
                    .contains("| " + rule.code() + " |");
        }
        assertThat(docs).contains(RuleCatalog.INTERNAL_ERROR);
    }
}
