package cirrus.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The failure reported for a failed stack operation is the one that caused it. */
class StackEventTest {
    static final String STACK = "AWS::CloudFormation::Stack";
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    static StackEvent event(int second, String id, String type, String status, String reason) {
        return new StackEvent(T.plusSeconds(second), id, type, status, reason);
    }

    @Test
    void theFirstFailedResourceIsTheCauseNotTheOnesCancelledAfterIt() {
        List<StackEvent> events =
                List.of(
                        event(0, "cirrus-dev", STACK, "UPDATE_IN_PROGRESS", "User Initiated"),
                        event(
                                1,
                                "LambdaAsBatchJob",
                                "AWS::Batch::JobDefinition",
                                "UPDATE_IN_PROGRESS",
                                null),
                        event(2, "ProcessQueue", "AWS::SQS::Queue", "UPDATE_IN_PROGRESS", null),
                        event(
                                3,
                                "LambdaAsBatchJob",
                                "AWS::Batch::JobDefinition",
                                "UPDATE_FAILED",
                                "Resource handler returned message: \"Error executing request, Exception : Container properties should not be empty\""),
                        event(
                                4,
                                "ProcessQueue",
                                "AWS::SQS::Queue",
                                "UPDATE_FAILED",
                                "Resource update cancelled"),
                        event(
                                5,
                                "cirrus-dev",
                                STACK,
                                "UPDATE_ROLLBACK_IN_PROGRESS",
                                "The following resource(s) failed to update: [LambdaAsBatchJob]."),
                        event(9, "cirrus-dev", STACK, "UPDATE_ROLLBACK_COMPLETE", null));

        assertThat(StackEvent.firstFailure(events))
                .get()
                .extracting(StackEvent::describe)
                .isEqualTo(
                        "LambdaAsBatchJob (AWS::Batch::JobDefinition) UPDATE_FAILED: Resource handler returned message: \"Error executing request, Exception : Container properties should not be empty\"");
    }

    @Test
    void withOnlyCancellationsTheFirstOfThemIsReported() {
        List<StackEvent> events =
                List.of(
                        event(
                                1,
                                "A",
                                "AWS::SQS::Queue",
                                "CREATE_FAILED",
                                "Resource creation cancelled"),
                        event(
                                2,
                                "B",
                                "AWS::SNS::Topic",
                                "CREATE_FAILED",
                                "Resource creation cancelled"));

        assertThat(StackEvent.firstFailure(events))
                .get()
                .extracting(StackEvent::logicalId)
                .isEqualTo("A");
    }

    @Test
    void withoutResourceFailuresTheStacksReasonIsReported() {
        List<StackEvent> events =
                List.of(
                        event(0, "cirrus-dev", STACK, "CREATE_IN_PROGRESS", "User Initiated"),
                        event(
                                1,
                                "cirrus-dev",
                                STACK,
                                "ROLLBACK_IN_PROGRESS",
                                "The following resource(s) failed to create: []"),
                        event(2, "cirrus-dev", STACK, "ROLLBACK_COMPLETE", null));

        assertThat(StackEvent.firstFailure(events))
                .get()
                .extracting(StackEvent::status)
                .isEqualTo("ROLLBACK_IN_PROGRESS");
        assertThat(StackEvent.firstFailure(List.of(event(0, "s", STACK, "CREATE_COMPLETE", null))))
                .isEmpty();
    }

    @Test
    void statusNamesAnswerWhatHappened() {
        assertThat(StackStatus.succeeded("UPDATE_COMPLETE")).isTrue();
        assertThat(StackStatus.succeeded("UPDATE_ROLLBACK_COMPLETE")).isFalse();
        assertThat(StackStatus.rolledBack("UPDATE_ROLLBACK_COMPLETE")).isTrue();
        assertThat(StackStatus.failedCreation("ROLLBACK_COMPLETE")).isTrue();
        assertThat(StackStatus.inProgress("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")).isTrue();
    }
}
