package cirrus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules, one fixture project at a time ({@code src/test/resources/validate/README.md}): every
 * invalid case reports exactly the findings of its {@code expected.txt}, every valid case none, and
 * every rule has both kinds.
 */
class ValidationFixturesTest {
    private static final Pattern CODE = Pattern.compile("v(\\d{3})");
    private static final boolean UPDATE = Boolean.getBoolean("cirrus.updateGoldens");

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> invalidProjectsReportExactlyTheExpectedFindings() {
        return FixtureProject.cases("invalid").stream()
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> invalid(c)));
    }

    private void invalid(Path fixture) throws IOException {
        Path root =
                FixtureProject.prepare(
                        fixture,
                        Files.createDirectories(work.resolve(fixture.getFileName().toString())));
        List<String> actual = FixtureProject.lines(FixtureProject.validate(root, false), root);
        Path expectedFile = fixture.resolve("expected.txt");
        if (UPDATE) {
            Path source = FixtureProject.sourceCopy(fixture).orElseThrow();
            Files.writeString(source.resolve("expected.txt"), String.join("\n", actual) + "\n");
            return;
        }
        assertThat(expectedFile)
                .as(
                        "missing golden file: create src/test/resources/validate/invalid/%s/expected.txt"
                                + " (-Dcirrus.updateGoldens=true writes it)",
                        fixture.getFileName())
                .exists();
        List<String> expected =
                Files.readAllLines(expectedFile).stream().filter(l -> !l.isBlank()).toList();
        assertThat(actual)
                .as("findings of %s", fixture.getFileName())
                .containsExactlyElementsOf(expected);
        assertThat(actual).as("an invalid case reports something").isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> validProjectsHaveNoFindings() {
        return FixtureProject.cases("valid").stream()
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> valid(c)));
    }

    private void valid(Path fixture) throws IOException {
        Path root =
                FixtureProject.prepare(
                        fixture,
                        Files.createDirectories(work.resolve(fixture.getFileName().toString())));
        List<String> actual = FixtureProject.lines(FixtureProject.validate(root, false), root);
        assertThat(actual).as("findings of %s", fixture.getFileName()).isEmpty();
    }

    @Test
    void everyRuleHasAnInvalidAndAValidFixture() throws IOException {
        EnumSet<RuleCatalog> failing = EnumSet.noneOf(RuleCatalog.class);
        for (Path c : FixtureProject.cases("invalid")) {
            Path expected = c.resolve("expected.txt");
            String text = Files.exists(expected) ? Files.readString(expected) : "";
            for (RuleCatalog rule : RuleCatalog.values()) {
                if (text.contains("[" + rule.code() + "]")) {
                    failing.add(rule);
                }
            }
        }
        EnumSet<RuleCatalog> passing = EnumSet.noneOf(RuleCatalog.class);
        for (Path c : FixtureProject.cases("valid")) {
            Matcher m = CODE.matcher(c.getFileName().toString());
            while (m.find()) {
                for (RuleCatalog rule : RuleCatalog.values()) {
                    if (rule.code().toLowerCase(Locale.ROOT).endsWith("v" + m.group(1))) {
                        passing.add(rule);
                    }
                }
            }
        }
        assertThat(EnumSet.complementOf(failing)).as("rules without an invalid fixture").isEmpty();
        assertThat(EnumSet.complementOf(passing)).as("rules without a valid fixture").isEmpty();
    }
}
