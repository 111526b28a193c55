package cirrus.aws.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.aws.sns.SnsTopic;
import cirrus.aws.sqs.SqsQueue;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.TopicMessage;

/**
 * SNS {@code PublishBatch} and SQS {@code SendMessageBatch} requests stay within both AWS limits,
 * 10 entries and 256 KiB in all (moto checks neither, so the requests sent are recorded).
 */
@ExtendWith(MotoExtension.class)
class BatchLimitsTest {
    /** The size of each batch request sent: entries and total bytes. */
    final List<int[]> batches = new ArrayList<>();

    final ExecutionInterceptor recorder =
            new ExecutionInterceptor() {
                @Override
                public void beforeExecution(
                        Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if (context.request() instanceof PublishBatchRequest p) {
                        int bytes = 0;
                        for (var e : p.publishBatchRequestEntries()) {
                            bytes += BatchLimits.utf8(e.message());
                            for (var a : e.messageAttributes().entrySet()) {
                                bytes +=
                                        BatchLimits.utf8(a.getKey())
                                                + BatchLimits.utf8(a.getValue().dataType())
                                                + BatchLimits.utf8(a.getValue().stringValue());
                            }
                        }
                        batches.add(new int[] {p.publishBatchRequestEntries().size(), bytes});
                    } else if (context.request() instanceof SendMessageBatchRequest s) {
                        int bytes = 0;
                        for (var e : s.entries()) {
                            bytes += BatchLimits.utf8(e.messageBody());
                        }
                        batches.add(new int[] {s.entries().size(), bytes});
                    }
                }
            };

    static String text(int bytes) {
        return "x".repeat(bytes);
    }

    void assertWithinLimits() {
        assertThat(batches)
                .allSatisfy(
                        b -> {
                            assertThat(b[0]).isBetween(1, 10);
                            assertThat(b[1]).isLessThanOrEqualTo(262_144);
                        });
    }

    @Test
    void tenMessagesOfFortyKibAreNotOnePublishBatch(MotoServer moto) {
        try (SnsClient sns =
                SnsClient.builder()
                        .region(Region.of(MotoAws.REGION))
                        .endpointOverride(moto.endpoint())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build()) {
            String arn = sns.createTopic(r -> r.name("big")).topicArn();
            List<TopicMessage> messages = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                messages.add(
                        new TopicMessage(
                                text(40_000),
                                Map.of("status", MessageAttribute.string("succeeded"))));
            }

            new SnsTopic(sns, arn).publishBatch(messages);

            assertWithinLimits();
            assertThat(batches.stream().mapToInt(b -> b[0]).sum()).isEqualTo(12);
            assertThat(batches).hasSize(2); // 6 x 40 KB fit in 256 KiB, 7 do not
        }
    }

    @Test
    void sendMessageBatchSplitsByTotalSizeAndEntries(MotoServer moto) {
        try (SqsClient sqs =
                SqsClient.builder()
                        .region(Region.of(MotoAws.REGION))
                        .endpointOverride(moto.endpoint())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build()) {
            String url = sqs.createQueue(r -> r.queueName("big")).queueUrl();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bodies.add(text(100_000));
            }
            for (int i = 0; i < 15; i++) {
                bodies.add("small " + i);
            }

            List<String> ids = new SqsQueue(sqs, url).sendBatch(bodies);

            assertThat(ids).hasSize(20);
            assertWithinLimits();
            assertThat(batches.stream().mapToInt(b -> b[0]).toArray())
                    .containsExactly(2, 2, 1 + 9, 6);
        }
    }

    @Test
    void anEntryOverTheLimitGoesAlone() {
        List<List<String>> split =
                BatchLimits.split(List.of("a", text(300_000), "b", "c"), BatchLimits::utf8);
        assertThat(split).extracting(List::size).containsExactly(1, 1, 2);
    }
}
