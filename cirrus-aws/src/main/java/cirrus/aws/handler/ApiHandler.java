package cirrus.aws.handler;

import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.builtin.ApiFunction;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.StateItems;

/**
 * The {@code api} Lambda (API Gateway REST proxy, {@code GET /} and {@code GET /{proxy+}}): the
 * state API over the state table, answered as a proxy response ({@code statusCode}, CORS headers,
 * JSON body). Needs {@code CIRRUS_STATE_DB}, {@code CIRRUS_DATA_BUCKET} (root catalog), {@code
 * CIRRUS_PAYLOAD_BUCKET} (payload URLs of items).
 */
public final class ApiHandler extends JsonHandler {
    public ApiHandler() {
        this(Deployment::current);
    }

    public ApiHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        StateItems items =
                new StateItems(
                        deployment.required("CIRRUS_PAYLOAD_BUCKET"),
                        new ConsoleUrls(deployment.region()));
        return new ApiFunction(
                        deployment.states(),
                        deployment.blobs(),
                        deployment.required("CIRRUS_DATA_BUCKET"),
                        items)
                .handle(event)
                .toLambdaResponse();
    }
}
