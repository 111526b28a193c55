package cirrus.states;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which names in ErrorEquals match which errors, by where the error arose (docs/states.md). */
class ErrorNamesTest {
    @Test
    void statesRuntimeIsMatchedByNothingWhereverItArose() {
        for (ErrorSource source : ErrorSource.values()) {
            assertThat(ErrorNames.isTerminal(ErrorNames.RUNTIME, source)).isTrue();
            assertThat(ErrorNames.matches(ErrorNames.ALL, ErrorNames.RUNTIME, source)).isFalse();
            assertThat(ErrorNames.matches(ErrorNames.RUNTIME, ErrorNames.RUNTIME, source))
                    .isFalse();
        }
    }

    @Test
    void dataLimitExceededIsHandledOnlyAsATasksOwnFailure() {
        String error = ErrorNames.DATA_LIMIT_EXCEEDED;
        assertThat(ErrorNames.matches(ErrorNames.ALL, error, ErrorSource.TASK)).isTrue();
        assertThat(ErrorNames.matches(error, error, ErrorSource.TASK)).isTrue();
        assertThat(ErrorNames.matches(ErrorNames.ALL, error, ErrorSource.STATE)).isFalse();
        assertThat(ErrorNames.matches(error, error, ErrorSource.BRANCH)).isFalse();
    }

    @Test
    void aMissedHeartbeatIsStatesTimeoutThatHeartbeatTimeoutAlsoMatches() {
        String error = ErrorNames.TIMEOUT;
        assertThat(ErrorNames.matches(ErrorNames.HEARTBEAT_TIMEOUT, error, ErrorSource.HEARTBEAT))
                .isTrue();
        assertThat(ErrorNames.matches(ErrorNames.TIMEOUT, error, ErrorSource.HEARTBEAT)).isTrue();
        assertThat(ErrorNames.matches(ErrorNames.HEARTBEAT_TIMEOUT, error, ErrorSource.TASK))
                .as("TimeoutSeconds passing is no heartbeat timeout")
                .isFalse();
        assertThat(ErrorNames.matches(ErrorNames.TASK_FAILED, error, ErrorSource.HEARTBEAT))
                .isFalse();
    }

    @Test
    void branchFailedMatchesOnlyErrorsThatEscapedABranch() {
        assertThat(ErrorNames.matches(ErrorNames.BRANCH_FAILED, "Boom", ErrorSource.BRANCH))
                .isTrue();
        assertThat(ErrorNames.matches(ErrorNames.BRANCH_FAILED, "Boom", ErrorSource.TASK))
                .isFalse();
    }

    @Test
    void taskFailedMatchesEverythingButTimeouts() {
        assertThat(
                        ErrorNames.matches(
                                ErrorNames.TASK_FAILED,
                                ErrorNames.INTRINSIC_FAILURE,
                                ErrorSource.STATE))
                .isTrue();
        assertThat(ErrorNames.matches(ErrorNames.TASK_FAILED, "Lambda.Unknown", ErrorSource.TASK))
                .isTrue();
        assertThat(ErrorNames.matches(ErrorNames.TASK_FAILED, ErrorNames.TIMEOUT, ErrorSource.TASK))
                .isFalse();
    }
}
