package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SubmitJob requests read from Step Functions' PascalCase and the API's camelCase alike. */
class SubmitJobRequestTest {
    @Test
    void stepFunctionsParametersAndApiJsonGiveTheSameRequest() {
        SubmitJobRequest pascal =
                SubmitJobRequest.fromJson(
                        Cfn.parse(
                                """
                                {"JobName": "p1", "JobQueue": "q", "JobDefinition": "d:3",
                                 "Parameters": {"url": "s3://a", "url_out": "s3://b"},
                                 "ContainerOverrides": {"Command": ["run"],
                                   "Environment": [{"Name": "A", "Value": "1"}],
                                   "ResourceRequirements": [{"Type": "VCPU", "Value": "4"},
                                                            {"Type": "MEMORY", "Value": "8192"}]},
                                 "RetryStrategy": {"Attempts": 2,
                                   "EvaluateOnExit": [{"OnExitCode": "1", "Action": "EXIT"}]},
                                 "Timeout": {"AttemptDurationSeconds": 600},
                                 "Tags": {"Owner": "me"}}
                                """));
        SubmitJobRequest camel =
                SubmitJobRequest.fromJson(
                        Cfn.parse(
                                """
                                {"jobName": "p1", "jobQueue": "q", "jobDefinition": "d:3",
                                 "parameters": {"url": "s3://a", "url_out": "s3://b"},
                                 "containerOverrides": {"command": ["run"],
                                   "environment": [{"name": "A", "value": "1"}],
                                   "resourceRequirements": [{"type": "VCPU", "value": "4"},
                                                            {"type": "MEMORY", "value": "8192"}]},
                                 "retryStrategy": {"attempts": 2,
                                   "evaluateOnExit": [{"onExitCode": "1", "action": "exit"}]},
                                 "timeout": {"attemptDurationSeconds": 600},
                                 "tags": {"Owner": "me"}}
                                """));
        assertThat(camel).isEqualTo(pascal);
        assertThat(pascal.parameters()).containsEntry("url_out", "s3://b");
        assertThat(pascal.containerOverrides().resources())
                .isEqualTo(new ResourceRequirements(4.0, 8192L, null));
        assertThat(pascal.retryStrategy().evaluateOnExit().get(0).action())
                .isEqualTo(RetryAction.EXIT);
        assertThat(pascal.timeoutSeconds()).isEqualTo(600);
    }

    @Test
    void overridesReplaceTheCommandAndMergeEnvironmentAndResources() {
        ContainerProperties definition =
                new ContainerProperties(
                        "img",
                        List.of("a"),
                        Map.of("KEEP", "1", "CHANGE", "old"),
                        new ResourceRequirements(2.0, 1024L, 1),
                        null,
                        null,
                        null);
        ContainerProperties job =
                new ContainerOverrides(
                                List.of("b"),
                                Map.of("CHANGE", "new", "ADD", "x"),
                                new ResourceRequirements(null, 4096L, null))
                        .applyTo(definition);
        assertThat(job.command()).containsExactly("b");
        assertThat(job.environment())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("KEEP", "1", "CHANGE", "new", "ADD", "x"));
        assertThat(job.resources()).isEqualTo(new ResourceRequirements(2.0, 4096L, 1));
        assertThat(ContainerOverrides.NONE.applyTo(definition)).isEqualTo(definition);
    }

    @Test
    void placeholdersAreWholeElementsAndUnknownOnesStay() {
        assertThat(
                        JobSubmission.substitute(
                                List.of("Ref::url", "--out=Ref::url", "Ref::none", "Ref::empty"),
                                Map.of("url", "s3://a", "empty", "")))
                .containsExactly("s3://a", "--out=Ref::url", "Ref::none", "");
    }

    @Test
    void badShapesAreClientErrors() {
        assertThatThrownBy(() -> SubmitJobRequest.fromJson(Map.of("JobName", "a")))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("SubmitJob.JobQueue: is required");
        assertThatThrownBy(
                        () ->
                                SubmitJobRequest.fromJson(
                                        Cfn.parse(
                                                """
                                                {"JobName": "a", "JobQueue": "q",
                                                 "JobDefinition": "d",
                                                 "ContainerOverrides": {"ResourceRequirements":
                                                   [{"Type": "DISK", "Value": "1"}]}}
                                                """)))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("must be VCPU, MEMORY or GPU, got 'DISK'");
        assertThat(new BatchClientException("x").errorName()).isEqualTo("Batch.ClientException");
    }
}
