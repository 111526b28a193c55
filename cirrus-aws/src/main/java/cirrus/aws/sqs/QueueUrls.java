package cirrus.aws.sqs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import cirrus.runtime.port.StoreException;

/** Queue URLs by ARN ({@code GetQueueUrl} with the owner account), looked up once per process. */
public final class QueueUrls {
    private final SqsClient sqs;
    private final Map<String, String> byArn = new ConcurrentHashMap<>();

    public QueueUrls(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** The URL of the queue with this ARN. */
    public String urlOf(String arn) {
        return byArn.computeIfAbsent(arn, this::lookUp);
    }

    private String lookUp(String arn) {
        QueueArn parsed = QueueArn.parse(arn);
        try {
            return sqs.getQueueUrl(
                            r ->
                                    r.queueName(parsed.name())
                                            .queueOwnerAWSAccountId(parsed.accountId()))
                    .queueUrl();
        } catch (SdkException e) {
            throw new StoreException(
                    "cannot find the URL of queue " + arn + ": " + e.getMessage(), e);
        }
    }
}
