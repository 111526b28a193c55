package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading Batch resources out of CloudFormation, beyond the conformance cases. */
class BatchResourcesTest {
    private static String ce(String logicalId, String name, String type) {
        return """
            "%s": {"Type": "AWS::Batch::ComputeEnvironment", "Properties": {%s
              "Type": "MANAGED", "ComputeResources": {"Type": "%s", "MaxvCpus": 16}}}
            """
                .formatted(
                        logicalId,
                        name == null ? "" : "\"ComputeEnvironmentName\": \"" + name + "\",",
                        type);
    }

    @Test
    void queuesReferenceEnvironmentsByRefGetAttArnNameOrLogicalIdInOrder() {
        BatchResources resources =
                Cfn.resources(
                        "{"
                                + ce("A", "env-a", "EC2")
                                + ","
                                + ce("B", null, "SPOT")
                                + ","
                                + ce("C", "env-c", "EC2")
                                + ","
                                + """
                                "Q1": {"Type": "AWS::Batch::JobQueue", "Properties": {
                                  "Priority": 5, "ComputeEnvironmentOrder": [
                                    {"Order": 3, "ComputeEnvironment": {"Ref": "A"}},
                                    {"Order": 1, "ComputeEnvironment": {"Fn::GetAtt": ["B", "ComputeEnvironmentArn"]}},
                                    {"Order": 2, "ComputeEnvironment": "arn:aws:batch:eu-west-1:1:compute-environment/env-c"}]}},
                                "Q2": {"Type": "AWS::Batch::JobQueue", "Properties": {
                                  "JobQueueName": "second", "Priority": 0, "State": "DISABLED",
                                  "ComputeEnvironmentOrder": [
                                    {"Order": 1, "ComputeEnvironment": "env-a"},
                                    {"Order": 2, "ComputeEnvironment": "C"}],
                                  "JobStateTimeLimitActions": [{"Reason": "MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT",
                                    "State": "RUNNABLE", "MaxTimeSeconds": 600, "Action": "TERMINATE"}]}},
                                "Role": {"Type": "AWS::IAM::Role", "Properties": {}}
                                }""");
        assertThat(resources.computeEnvironments()).containsOnlyKeys("env-a", "B", "env-c");
        JobQueue q1 = resources.jobQueue("Q1").orElseThrow();
        assertThat(q1.computeEnvironments()).containsExactly("B", "env-c", "env-a");
        assertThat(q1.state()).isEqualTo(ResourceState.ENABLED);
        JobQueue q2 =
                resources.jobQueue("arn:aws:batch:us-east-1:1:job-queue/second").orElseThrow();
        assertThat(q2.computeEnvironments()).containsExactly("env-a", "env-c");
        assertThat(q2.state()).isEqualTo(ResourceState.DISABLED);
        assertThat(q2.timeLimitActions().get(0).statusReason())
                .isEqualTo(
                        "Terminated by JobStateTimeLimit action due to reason:"
                                + " MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT");
        assertThat(resources.computeEnvironment("B").orElseThrow().state())
                .isEqualTo(ResourceState.ENABLED);
    }

    @Test
    void anUnmanagedEnvironmentIsCappedByUnmanagedvCpusWhenGiven() {
        BatchResources resources =
                Cfn.resources(
                        """
                        {"U": {"Type": "AWS::Batch::ComputeEnvironment",
                               "Properties": {"Type": "UNMANAGED", "UnmanagedvCpus": 8}},
                         "Open": {"Type": "AWS::Batch::ComputeEnvironment",
                               "Properties": {"Type": "UNMANAGED"}}}
                        """);
        assertThat(resources.computeEnvironment("U").orElseThrow().milliVcpuCap()).isEqualTo(8000);
        assertThat(resources.computeEnvironment("Open").orElseThrow().maxvCpus()).isNull();
    }

    @Test
    void structuralMistakesAreReportedTogether() {
        assertThatThrownBy(
                        () ->
                                Cfn.resources(
                                        "{"
                                                + ce("E", "ec2", "EC2")
                                                + ","
                                                + ce("F", "fargate", "FARGATE")
                                                + ","
                                                + ce("G", "ec2", "EC2")
                                                + ","
                                                + """
                                                "Mixed": {"Type": "AWS::Batch::JobQueue", "Properties": {
                                                  "Priority": 1, "ComputeEnvironmentOrder": [
                                                    {"Order": 1, "ComputeEnvironment": "ec2"},
                                                    {"Order": 2, "ComputeEnvironment": "fargate"}]}},
                                                "Empty": {"Type": "AWS::Batch::JobQueue", "Properties": {
                                                  "Priority": 1001, "ComputeEnvironmentOrder": []}},
                                                "NotAnObject": "oops"
                                                }"""))
                .isInstanceOfSatisfying(
                        BatchResourceException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(BatchProblem::toString)
                                        .containsExactlyInAnyOrder(
                                                "Resources.G.Properties.ComputeEnvironmentName:"
                                                        + " error[CIRRUS-B104] another compute"
                                                        + " environment is already named 'ec2'",
                                                "Resources.Mixed.Properties.ComputeEnvironmentOrder:"
                                                        + " error[CIRRUS-B102] mixes EC2 and"
                                                        + " Fargate compute environments; all must"
                                                        + " be EC2/SPOT or all FARGATE/FARGATE_SPOT",
                                                "Resources.Empty.Properties: error[CIRRUS-B102]"
                                                        + " ComputeEnvironmentOrder must list 1 to"
                                                        + " 3 compute environments, got 0",
                                                "Resources.NotAnObject: error[CIRRUS-B102] must be"
                                                        + " an object with Type and Properties"));
    }

    @Test
    void jobDefinitionsAcceptTheDeprecatedVcpusAndMemoryAndDefaultTheirName() {
        BatchResources resources =
                Cfn.resources(
                        """
                        {"MyJob": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                           "Type": "container", "PropagateTags": true,
                           "ContainerProperties": {"Image": "i", "Vcpus": 2, "Memory": "2048",
                             "Command": ["a", 1, true]}}}}
                        """);
        JobDefinitionSpec spec = resources.jobDefinitions().get("MyJob");
        assertThat(spec.container().resources())
                .isEqualTo(new ResourceRequirements(2.0, 2048L, null));
        assertThat(spec.container().command()).isEqualTo(List.of("a", "1", "true"));
        assertThat(spec.propagateTags()).isTrue();
        assertThat(spec.retryStrategy()).isNull();
    }
}
