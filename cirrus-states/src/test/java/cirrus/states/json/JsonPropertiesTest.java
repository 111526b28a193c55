package cirrus.states.json;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.choice.WildcardPattern;

/** Properties that must hold for any data, checked on generated values. */
class JsonPropertiesTest {
    @Test
    void computedSizeIsTheSizeOfTheWrittenJson() {
        qt().forAll(
                        lists().of(strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 12))
                                .ofSizeBetween(0, 6),
                        strings().betweenCodePoints(0x10000, 0x10FFFF).ofLengthBetween(0, 4),
                        integers().all())
                .checkAssert(
                        (texts, astral, number) -> {
                            ObjectNode node = Json.object();
                            ArrayNode array = node.putArray("a");
                            texts.forEach(array::add);
                            texts.forEach(t -> node.put(t, number));
                            node.putNull("n");
                            node.put("astral", astral);
                            node.put("b", number % 2 == 0);
                            long written = Json.write(node).getBytes(StandardCharsets.UTF_8).length;
                            org.assertj.core.api.Assertions.assertThat(
                                            JsonSize.utf8Length(node, Long.MAX_VALUE))
                                    .isEqualTo(written);
                        });
    }

    @Test
    void wildcardPatternsAgreeWithTheEquivalentRegex() {
        qt().forAll(
                        strings().betweenCodePoints('a', 'c').ofLengthBetween(0, 6),
                        strings().betweenCodePoints('a', 'c').ofLengthBetween(0, 8))
                .checkAssert(
                        (pieces, value) -> {
                            String pattern = pieces.replace('c', '*');
                            String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
                            org.assertj.core.api.Assertions.assertThat(
                                            WildcardPattern.compile(pattern).matches(value))
                                    .as("%s ~ %s", pattern, value)
                                    .isEqualTo(value.matches(regex));
                        });
    }
}
