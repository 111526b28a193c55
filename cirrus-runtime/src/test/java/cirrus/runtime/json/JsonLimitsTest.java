package cirrus.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Hostile JSON fails with a located, one-line error, never a stack overflow or a full heap. */
class JsonLimitsTest {
    private static InvalidJsonException refused(String text) {
        return catchThrowableOfType(InvalidJsonException.class, () -> Json.parse(text));
    }

    @Test
    void fiveThousandDeepNestingIsALocatedError() {
        InvalidJsonException e = refused("{\"a\":\n" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(e.getMessage()).contains("nesting depth").doesNotContain("adjusting");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.locatedIn("p.json")).matches("p\\.json:2:\\d+");
    }

    @Test
    void aThousandDigitNumberIsALocatedError() {
        InvalidJsonException e = refused("{\"n\": " + "9".repeat(2000) + "}");
        assertThat(e.getMessage()).contains("Number value length");
        assertThat(e.locatedIn("p.json")).startsWith("p.json:1:");
    }

    @Test
    void anUnknownPlaceIsNeverPrintedAsZeroZero() {
        assertThat(new InvalidJsonException("x", 0, 0).locatedIn("p.json")).isEqualTo("p.json");
    }
}
