package cirrus.compile.cfn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code http} events of every function as one API Gateway REST API with Lambda proxy
 * integrations, the way the Serverless Framework builds it: {@code ApiGatewayRestApi}, one {@code
 * AWS::ApiGateway::Resource} per path part, one method per event, a deployment to a stage named
 * like the service stage, a permission per function, and the {@code ServiceEndpoint} output.
 *
 * <p>The deployment's logical id carries a hash of the routes, so a changed API is deployed again
 * while an unchanged one keeps its deployment (serverless uses a timestamp, redeploying every
 * time).
 *
 * @see <a href="https://www.serverless.com/framework/docs/providers/aws/events/apigateway">API
 *     Gateway REST API events</a>
 */
final class RestApi {
    static final String API_ID = "ApiGatewayRestApi";
    private static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
    private static final Set<String> KEYS = Set.of("method", "path");

    private final Findings findings;
    private final Map<String, FunctionContext> permissions = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();

    private record Route(String method, String path, FunctionContext function) {}

    RestApi(Findings findings) {
        this.findings = findings;
    }

    /** Adds the {@code http} event {@code value} (at {@code where}) of {@code function}. */
    void add(FunctionContext function, Object value, String where) {
        String method;
        String path;
        if (value instanceof String s) {
            String[] parts = s.trim().split("\\s+", 2);
            method = parts[0];
            path = parts.length > 1 ? parts[1] : "";
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> event = Tree.map(m);
            for (String key : event.keySet()) {
                if (!KEYS.contains(key)) {
                    findings.unsupported(
                            where + "." + key,
                            "only method and path of http events are translated");
                    return;
                }
            }
            method = Tree.text(event.get("method")).orElse("");
            path = Tree.text(event.get("path")).orElse("");
        } else {
            findings.invalid(where, "expected 'METHOD /path' or a map with method and path");
            return;
        }
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            findings.invalid(where, "unknown HTTP method '" + method + "'");
            return;
        }
        path = path.replaceAll("^/+|/+$", "");
        for (Route r : routes) {
            if (r.method.equals(method) && r.path.equals(path)) {
                findings.invalid(
                        where,
                        method
                                + " /"
                                + path
                                + " is already routed to function '"
                                + r.function.key()
                                + "'");
                return;
            }
        }
        routes.add(new Route(method, path, function));
        permissions.putIfAbsent(function.key(), function);
    }

    /** Adds the API to the template, if any function has an {@code http} event. */
    void addTo(TemplateSections template, Service service) {
        if (routes.isEmpty()) {
            return;
        }
        String endpointType =
                Tree.text(service.provider().get("endpointType"))
                        .orElse("EDGE")
                        .toUpperCase(Locale.ROOT);
        template.resource(
                API_ID,
                "AWS::ApiGateway::RestApi",
                Intrinsic.map(
                        "Name",
                                Tree.text(service.provider().get("apiName"))
                                        .orElse(service.stage() + "-" + service.service()),
                        "EndpointConfiguration", Intrinsic.map("Types", List.of(endpointType))));
        Set<String> resources = new LinkedHashSet<>();
        List<String> methodIds = new ArrayList<>();
        for (Route route : routes) {
            Object parent = resourceOf(template, route.path, resources);
            String methodId =
                    "ApiGatewayMethod"
                            + LogicalIds.path(route.path)
                            + LogicalIds.method(route.method);
            methodIds.add(methodId);
            Map<String, Object> method =
                    template.resource(
                            methodId,
                            "AWS::ApiGateway::Method",
                            Intrinsic.map(
                                    "HttpMethod",
                                    route.method,
                                    "RequestParameters",
                                    Map.of(),
                                    "ResourceId",
                                    parent,
                                    "RestApiId",
                                    Intrinsic.ref(API_ID),
                                    "ApiKeyRequired",
                                    false,
                                    "AuthorizationType",
                                    "NONE",
                                    "Integration",
                                    Intrinsic.map(
                                            "IntegrationHttpMethod",
                                            "POST",
                                            "Type",
                                            "AWS_PROXY",
                                            "Uri",
                                            Intrinsic.sub(
                                                    "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                                                            + route.function.logicalId()
                                                            + ".Arn}/invocations")),
                                    "MethodResponses",
                                    List.of()));
            method.put("DependsOn", List.of(apiPermissionId(route.function)));
        }
        for (FunctionContext f : permissions.values()) {
            template.resource(
                    apiPermissionId(f),
                    "AWS::Lambda::Permission",
                    Intrinsic.map(
                            "FunctionName",
                            f.arn(),
                            "Action",
                            "lambda:InvokeFunction",
                            "Principal",
                            "apigateway.amazonaws.com",
                            "SourceArn",
                            Intrinsic.sub(
                                    "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${"
                                            + API_ID
                                            + "}/*/*")));
        }
        String deploymentId = "ApiGatewayDeployment" + hash();
        Map<String, Object> deployment =
                template.resource(
                        deploymentId,
                        "AWS::ApiGateway::Deployment",
                        Intrinsic.map(
                                "RestApiId", Intrinsic.ref(API_ID), "StageName", service.stage()));
        deployment.put("DependsOn", methodIds);
        template.output(
                "ServiceEndpoint",
                Intrinsic.sub(
                        "https://${"
                                + API_ID
                                + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
                                + service.stage()),
                "URL of the service endpoint");
    }

    private static String apiPermissionId(FunctionContext f) {
        return LogicalIds.apiPermission(f.key());
    }

    /**
     * The resource of {@code path} (its parents created first); the API's root for the empty path.
     */
    private Object resourceOf(TemplateSections template, String path, Set<String> created) {
        if (path.isEmpty()) {
            return Intrinsic.getAtt(API_ID, "RootResourceId");
        }
        int slash = path.lastIndexOf('/');
        String parentPath = slash < 0 ? "" : path.substring(0, slash);
        String part = path.substring(slash + 1);
        Object parent = resourceOf(template, parentPath, created);
        String id = "ApiGatewayResource" + LogicalIds.path(path);
        if (created.add(id)) {
            template.resource(
                    id,
                    "AWS::ApiGateway::Resource",
                    Intrinsic.map(
                            "ParentId",
                            parent,
                            "PathPart",
                            part,
                            "RestApiId",
                            Intrinsic.ref(API_ID)));
        }
        return Intrinsic.ref(id);
    }

    private String hash() {
        StringBuilder b = new StringBuilder();
        routes.forEach(
                r ->
                        b.append(r.method)
                                .append(' ')
                                .append(r.path)
                                .append(" -> ")
                                .append(r.function.logicalId())
                                .append('\n'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
