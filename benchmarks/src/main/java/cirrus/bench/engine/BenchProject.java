package cirrus.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The compiled project the engine benchmarks run: the cirrus resources the loop needs (buckets,
 * process queue, topics, state table), the Java builtin functions, the publish-only workflow, and
 * workflows with one Batch job per payload: {@code true} as a process, or pre-batch then a Java
 * task that reads the payload and writes it back.
 */
final class BenchProject {
    private BenchProject() {}

    private static final String SERVERLESS =
            """
            service: bench
            provider:
              name: aws
              stage: dev
              region: us-west-2
              runtime: python3.9
              environment:
                CIRRUS_DATA_BUCKET: !Ref Data
                CIRRUS_PAYLOAD_BUCKET: !Ref Payloads
                CIRRUS_STATE_DB: !Ref StateTable
                CIRRUS_STACK: "#{AWS::StackName}"
                CIRRUS_PROCESS_QUEUE_URL: !Ref ProcessQueue
                CIRRUS_PUBLISH_TOPIC_ARN: !Ref PublishTopic
                CIRRUS_FAILED_TOPIC_ARN: !Ref FailedTopic
                CIRRUS_INVALID_TOPIC_ARN: !Ref FailedTopic
                CIRRUS_WORKFLOW_EVENT_TOPIC_ARN: !Ref WorkflowEventTopic
            custom:
              local:
                images:
                  bench/exec:1: []
                  bench/java:1: {java: cirrus.bench.engine.NoopTask}
            functions:
              process:
                handler: cirrus.aws.handler.ProcessHandler::handleRequest
                runtime: java17
                environment:
                  CIRRUS_BASE_WORKFLOW_ARN: "arn:aws:states:#{AWS::Region}:#{AWS::AccountId}:stateMachine:#{AWS::StackName}-"
              update-state: {handler: cirrus.aws.handler.UpdateStateHandler::handleRequest, runtime: java17}
              publish: {handler: cirrus.aws.handler.PublishHandler::handleRequest, runtime: java17, timeout: 30}
              pre-batch: {handler: cirrus.aws.handler.PreBatchHandler::handleRequest, runtime: java17}
            stepFunctions:
              stateMachines:
                publish-only:
                  name: bench-dev-publish-only
                  definition:
                    StartAt: publish
                    States:
                      publish:
                        Type: Task
                        Resource: !GetAtt publish.Arn
                        End: true
                        Catch: [{ErrorEquals: [States.ALL], ResultPath: $.error, Next: failure}]
                      failure: {Type: Fail}
                batch-exec:
                  name: bench-dev-batch-exec
                  definition:
                    StartAt: job
                    States:
                      job:
                        Type: Task
                        Resource: arn:aws:states:::batch:submitJob.sync
                        Parameters: {JobName: trivial, JobQueue: "#{Queue}", JobDefinition: "#{Exec}"}
                        ResultPath: $.job
                        End: true
                batch-java:
                  name: bench-dev-batch-java
                  definition:
                    StartAt: pre-batch
                    States:
                      pre-batch: {Type: Task, Resource: !GetAtt pre-batch.Arn, ResultPath: $.batch, Next: job}
                      job:
                        Type: Task
                        Resource: arn:aws:states:::batch:submitJob.sync
                        Parameters:
                          JobName: noop
                          JobQueue: "#{Queue}"
                          JobDefinition: "#{Java}"
                          Parameters: {url.$: $.batch.url, url_out.$: $.batch.url_out}
                        ResultPath: $.job
                        End: true
            resources:
              Resources:
                Data: {Type: AWS::S3::Bucket}
                Payloads: {Type: AWS::S3::Bucket}
                ProcessQueue:
                  Type: AWS::SQS::Queue
                  Properties: {QueueName: "#{AWS::StackName}-process", VisibilityTimeout: 180}
                PublishTopic: {Type: AWS::SNS::Topic, Properties: {TopicName: "#{AWS::StackName}-publish"}}
                FailedTopic: {Type: AWS::SNS::Topic, Properties: {TopicName: "#{AWS::StackName}-failed"}}
                WorkflowEventTopic: {Type: AWS::SNS::Topic, Properties: {TopicName: "#{AWS::StackName}-workflow-event"}}
                StateTable: {Type: AWS::DynamoDB::Table, Properties: {TableName: "#{AWS::StackName}-state"}}
                Ce:
                  Type: AWS::Batch::ComputeEnvironment
                  Properties: {ComputeEnvironmentName: ce, Type: MANAGED, ComputeResources: {Type: EC2, MaxvCpus: 256}}
                Queue:
                  Type: AWS::Batch::JobQueue
                  Properties: {JobQueueName: queue, Priority: 1, ComputeEnvironmentOrder: [{Order: 1, ComputeEnvironment: !Ref Ce}]}
                Exec:
                  Type: AWS::Batch::JobDefinition
                  Properties:
                    JobDefinitionName: exec
                    Type: container
                    ContainerProperties:
                      Image: bench/exec:1
                      Command: ["true"]
                      ResourceRequirements: [{Type: VCPU, Value: "1"}, {Type: MEMORY, Value: "128"}]
                Java:
                  Type: AWS::Batch::JobDefinition
                  Properties:
                    JobDefinitionName: java
                    Type: container
                    Parameters: {url: "", url_out: ""}
                    ContainerProperties:
                      Image: bench/java:1
                      Command: [process, Ref::url, --output, Ref::url_out]
                      ResourceRequirements: [{Type: VCPU, Value: "1"}, {Type: MEMORY, Value: "128"}]
            """;

    /** Writes the project into {@code dir}; returns its serverless.yml. */
    static Path write(Path dir) throws IOException {
        Path build = Files.createDirectories(dir.resolve(".cirrus/build"));
        Files.writeString(dir.resolve("cirrus.yml"), "service: bench\n");
        return Files.writeString(build.resolve("serverless.yml"), SERVERLESS);
    }

    /** A one-item payload for {@code workflow}. */
    static String payload(String workflow, String itemId) {
        return """
                {"type": "FeatureCollection",
                 "features": [{"type": "Feature", "stac_version": "1.0.0", "id": "%s", "collection": "bench",
                   "geometry": null, "bbox": [0, 0, 1, 1],
                   "properties": {"datetime": "2020-07-23T00:00:00Z"}, "links": [], "assets": {}}],
                 "process": {"workflow": "%s",
                   "upload_options": {"path_template": "${collection}/${id}"}, "tasks": {"publish": {}}}}
                """
                .formatted(itemId, workflow);
    }
}
