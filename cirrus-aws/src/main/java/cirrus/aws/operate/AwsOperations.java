package cirrus.aws.operate;

import java.time.Clock;

import cirrus.aws.config.AwsClients;
import cirrus.aws.dynamodb.DynamoStateStore;
import cirrus.aws.sqs.SqsQueue;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.StoreOperations;
import cirrus.runtime.statedb.ConsoleUrls;

/**
 * The {@link PipelineOperations} of a deployed stack: the DynamoDB state table and its indexes,
 * Step Functions, Batch, CloudWatch Logs, and the SQS process queue for reruns. Executions link to
 * the AWS console.
 */
public final class AwsOperations {
    private AwsOperations() {}

    public static PipelineOperations of(AwsClients clients, DeployedStack stack) {
        return of(clients, stack, Clock.systemUTC());
    }

    /** The operations with the state store on {@code clock} (tests). */
    public static PipelineOperations of(AwsClients clients, DeployedStack stack, Clock clock) {
        return of(clients, stack, clock, StoreOperations.PAGE);
    }

    /** The operations reading {@code pageSize} items per DynamoDB query (tests). */
    public static PipelineOperations of(
            AwsClients clients, DeployedStack stack, Clock clock, int pageSize) {
        SqsQueue queue = new SqsQueue(clients.sqs(), stack.processQueueUrl());
        return new StoreOperations(
                new DynamoStateStore(clients.dynamoDb(), stack.stateTable(), clock),
                new StoreOperations.Sources(
                        new DynamoStateKeys(clients.dynamoDb(), stack.stateTable()),
                        new StepFunctionsExecutions(clients.sfn()),
                        new BatchJobStatuses(clients.batch(), stack.stackName() + "-"),
                        new CloudWatchLogSource(clients.logs(), stack.batchLogGroup()),
                        messages -> {
                            if (!messages.isEmpty()) {
                                queue.sendBatch(messages);
                            }
                        }),
                stack.payloadBucket(),
                new ConsoleUrls(clients.settings().region().id()).execution("%s"),
                clock,
                pageSize);
    }
}
