package cirrus.local.api;

import java.util.Optional;

import cirrus.local.engine.LocalEngine;
import cirrus.local.http.HttpProblem;
import cirrus.local.http.WebReply;
import cirrus.local.http.WebRequest;
import cirrus.local.http.WebRoute;
import cirrus.runtime.builtin.ApiFunction;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.StateItems;

/**
 * The routes of cirrus v0.15.4's {@code api} function, served under {@value #PREFIX}: a client of a
 * deployed API works against a local pipeline with its base URL set to {@code
 * http://127.0.0.1:8642/api/}. The same {@link ApiFunction} answers as in the Lambda.
 */
final class V0ApiRoute implements WebRoute {
    static final String PREFIX = "/api";

    private final ApiFunction api;

    private V0ApiRoute(ApiFunction api) {
        this.api = api;
    }

    static V0ApiRoute of(LocalEngine engine) {
        String payloads = engine.model().bucket("Payloads").map(b -> b.name()).orElse("");
        String data = engine.model().bucket("Data").map(b -> b.name()).orElse("");
        return new V0ApiRoute(
                new ApiFunction(
                        engine.states(),
                        engine.stores().blobStore(),
                        data,
                        new StateItems(
                                payloads, new ConsoleUrls(engine.model().names().region()))));
    }

    @Override
    public WebReply handle(WebRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw HttpProblem.methodNotAllowed("the api routes answer GET only");
        }
        String path = request.path().substring(PREFIX.length());
        String host = request.header("Host").orElse("127.0.0.1");
        ApiFunction.Response r =
                api.handle(path, request.query(), Optional.of("http://" + host + PREFIX + "/"));
        return new WebReply.Json(r.status(), r.body());
    }
}
