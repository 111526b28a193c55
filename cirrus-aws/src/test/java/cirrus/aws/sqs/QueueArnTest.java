package cirrus.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;

/** Ports of upstream {@code test_utils} {@code parse_queue_arn} and {@code get_queue_url}. */
@ExtendWith(MotoExtension.class)
class QueueArnTest {
    @Test
    void aQueueArnIsParsed() {
        assertThat(QueueArn.parse("arn:aws:sqs:us-west-2:123456789012:cirrus-test-process"))
                .isEqualTo(new QueueArn("us-west-2", "123456789012", "cirrus-test-process"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "arn:aws:sns:us-west-2:123456789012:topic",
                "arn:aws:sqs:us-west-2:account:q",
                "arn:aws:sqs:us-west-2:123456789012:bad.name"
            })
    void otherTextIsRejectedByName(String arn) {
        assertThatThrownBy(() -> QueueArn.parse(arn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unable to parse queue ARN: " + arn);
    }

    @Test
    void queueUrlsAreLookedUpOnceByArn(MotoServer moto) {
        try (AwsClients clients = MotoAws.clients(moto)) {
            String url = MotoAws.createQueue(clients.sqs(), "lookup");
            String arn = MotoAws.queueArn(clients.sqs(), url);
            QueueUrls urls = new QueueUrls(clients.sqs());
            assertThat(urls.urlOf(arn)).isEqualTo(url);
            clients.sqs().deleteQueue(r -> r.queueUrl(url));
            assertThat(urls.urlOf(arn)).as("cached").isEqualTo(url);
            assertThatThrownBy(
                            () ->
                                    new QueueUrls(clients.sqs())
                                            .urlOf("arn:aws:sqs:us-east-1:123456789012:missing"))
                    .hasMessageContaining("cannot find the URL of queue");
        }
    }
}
