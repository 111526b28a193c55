package cirrus.aws.handler;

import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import cirrus.aws.batch.JobSubmission;
import cirrus.runtime.builtin.FeedRerunFeeder;
import cirrus.runtime.port.BlobUrl;

/**
 * The {@code feed-rerun} feeder Lambda: re-enqueues payloads found in the state store ({@code
 * {"found": n}}). With {@code "batch": true} it runs itself as a Batch job instead (cirrus {@code
 * submit_batch_job}): the input goes to {@code s3://<payload bucket>/batch/<uuid>.json} and the job
 * {@code rerun} is submitted to {@code <CIRRUS_STACK>-basic-ondemand} with definition {@code
 * <CIRRUS_STACK>-geolambda-as-batch}, parameters {@code lambda_function} (this function's ARN) and
 * {@code url}, 1 vCPU and 512 MiB; it returns {@code null}. Needs {@code CIRRUS_STATE_DB}, {@code
 * CIRRUS_PROCESS_QUEUE_URL}, {@code CIRRUS_PAYLOAD_BUCKET} (and {@code CIRRUS_STACK} for batch).
 */
public final class FeedRerunHandler extends JsonHandler {
    public FeedRerunHandler() {
        this(Deployment::current);
    }

    public FeedRerunHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        String payloadBucket = deployment.required("CIRRUS_PAYLOAD_BUCKET");
        if (event.path("batch").asBoolean(false)
                && context != null
                && context.getInvokedFunctionArn() != null) {
            BlobUrl url = new BlobUrl(payloadBucket, "batch/" + UUID.randomUUID() + ".json");
            deployment.blobs().putJson(url, event);
            String stack = deployment.required("CIRRUS_STACK");
            deployment
                    .batch()
                    .submit(
                            new JobSubmission(
                                    "rerun",
                                    stack + "-basic-ondemand",
                                    stack + "-geolambda-as-batch",
                                    Map.of(
                                            "lambda_function",
                                            context.getInvokedFunctionArn(),
                                            "url",
                                            url.toString()),
                                    OptionalInt.of(1),
                                    OptionalInt.of(512)));
            return NullNode.getInstance();
        }
        return new FeedRerunFeeder(deployment.states(), deployment.processQueue(), payloadBucket)
                .handle(event.isObject() ? event : JsonNodeFactory.instance.objectNode());
    }
}
