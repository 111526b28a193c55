package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The retry decision: glob patterns, first match wins, retry when nothing matches. */
class EvaluateOnExitTest {
    private static EvaluateOnExit rule(String status, String reason, String code, RetryAction a) {
        return new EvaluateOnExit(status, reason, code, a);
    }

    @Test
    void aPatternMatchesExactlyOrByPrefixWithATrailingStar() {
        EvaluateOnExit hostTerminated = rule("Host EC2*", null, null, RetryAction.RETRY);
        assertThat(hostTerminated.matches("Host EC2 (instance i-1) terminated.", null, 1)).isTrue();
        assertThat(hostTerminated.matches("Essential container in task exited", null, 1)).isFalse();
        EvaluateOnExit exact = rule(null, null, "137", RetryAction.EXIT);
        assertThat(exact.matches("x", null, 137)).isTrue();
        assertThat(exact.matches("x", null, 1370)).isFalse();
        assertThat(exact.matches("x", null, null)).as("no exit code").isFalse();
    }

    @Test
    void everyGivenConditionMustMatch() {
        EvaluateOnExit both = rule("Essential*", null, "1", RetryAction.EXIT);
        assertThat(both.matches("Essential container in task exited", null, 1)).isTrue();
        assertThat(both.matches("Essential container in task exited", null, 2)).isFalse();
        assertThat(both.matches("Task failed to start", null, 1)).isFalse();
    }

    @Test
    void aMissingValueMatchesOnlyTheBareStar() {
        assertThat(rule(null, "*", null, RetryAction.EXIT).matches("s", null, 0)).isTrue();
        assertThat(rule(null, "Cannot*", null, RetryAction.EXIT).matches("s", null, 0)).isFalse();
    }

    @Test
    void theFirstMatchingRuleDecidesAndNoMatchMeansRetry() {
        RetryStrategy strategy =
                new RetryStrategy(
                        3,
                        List.of(
                                rule(null, null, "3", RetryAction.EXIT),
                                rule(null, null, "*", RetryAction.RETRY)));
        assertThat(strategy.retries(1, "s", null, 3)).isFalse();
        assertThat(strategy.retries(1, "s", null, 4)).isTrue();
        assertThat(strategy.retries(3, "s", null, 4)).as("attempts used up").isFalse();
        RetryStrategy onlyExit =
                new RetryStrategy(2, List.of(rule(null, null, "9", RetryAction.EXIT)));
        assertThat(onlyExit.retries(1, "s", null, 1)).isTrue();
        assertThat(RetryStrategy.SINGLE_ATTEMPT.retries(1, "s", null, 1)).isFalse();
    }

    @Test
    void patternsFollowAwsCharacterRules() {
        assertThatThrownBy(() -> rule(null, null, "1a", RetryAction.EXIT))
                .hasMessage("OnExitCode '1a' may contain only numbers, optionally ending with '*'");
        assertThatThrownBy(() -> rule("a*b", null, null, RetryAction.EXIT))
                .hasMessageContaining("optionally ending with '*'");
        assertThatThrownBy(() -> rule(null, "x".repeat(513), null, RetryAction.EXIT))
                .hasMessage("OnReason must be 1 to 512 characters long");
        assertThatThrownBy(
                        () ->
                                new RetryStrategy(
                                        1,
                                        List.of(
                                                rule(null, null, "1", RetryAction.EXIT),
                                                rule(null, null, "2", RetryAction.EXIT),
                                                rule(null, null, "3", RetryAction.EXIT),
                                                rule(null, null, "4", RetryAction.EXIT),
                                                rule(null, null, "5", RetryAction.EXIT),
                                                rule(null, null, "6", RetryAction.EXIT))))
                .hasMessage("EvaluateOnExit may hold at most 5 conditions, got 6");
        assertThat(RetryAction.parse("retry")).isEqualTo(RetryAction.RETRY);
    }
}
