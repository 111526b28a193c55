package cirrus.validate.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The logical ids the Serverless Framework (v3), serverless-iam-roles-per-function and
 * serverless-step-functions add to the template they deploy, so that references to them from {@code
 * cloudformation/*.yml} or workflows are not reported as dangling. The list (with where each id
 * comes from) is in {@code docs/validation.md}; ids that embed a hash or a path are accepted by
 * prefix.
 */
final class GeneratedIds {
    private GeneratedIds() {}

    /**
     * Serverless' {@code getNormalizedFunctionName}: {@code -} becomes {@code Dash}, {@code _}
     * becomes {@code Underscore}, and the first letter is upper-cased ({@code pre-batch} → {@code
     * PreDashbatch}).
     */
    static String normalized(String name) {
        String s = name.replace("-", "Dash").replace("_", "Underscore");
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static void add(
            Map<String, Object> serverless,
            ServerlessVariables variables,
            Set<String> ids,
            List<String> prefixes) {
        ids.add("ServerlessDeploymentBucket");
        ids.add("ServerlessDeploymentBucketPolicy");
        ids.add("IamRoleLambdaExecution");
        ids.add("IamRoleStateMachineExecution");
        boolean http = false;
        boolean httpApi = false;
        if (serverless.get("functions") instanceof Map<?, ?> functions) {
            for (Map.Entry<?, ?> e : functions.entrySet()) {
                String n = normalized(String.valueOf(e.getKey()));
                for (String suffix :
                        List.of(
                                "LambdaFunction",
                                "LogGroup",
                                "IamRoleLambdaExecution",
                                "LambdaFunctionUrl",
                                "ProvConcLambdaAlias")) {
                    ids.add(n + suffix);
                }
                for (String suffix :
                        List.of(
                                "LambdaVersion",
                                "EventSourceMapping",
                                "LambdaPermission",
                                "EventBridge",
                                "SnsSubscription",
                                "EventsRuleSchedule")) {
                    prefixes.add(n + suffix);
                }
                if (e.getValue() instanceof Map<?, ?> fn
                        && fn.get("events") instanceof List<?> events) {
                    for (Object event : events) {
                        if (event instanceof Map<?, ?> m) {
                            http |= m.containsKey("http");
                            httpApi |= m.containsKey("httpApi");
                        }
                    }
                }
            }
        }
        if (http) {
            ids.add("ApiGatewayRestApi");
            prefixes.addAll(
                    List.of("ApiGatewayResource", "ApiGatewayMethod", "ApiGatewayDeployment"));
        }
        if (httpApi) {
            ids.add("HttpApi");
            ids.add("HttpApiStage");
            prefixes.add("HttpApiIntegration");
            prefixes.add("HttpApiRoute");
        }
        if (serverless.get("stepFunctions") instanceof Map<?, ?> sf
                && sf.get("stateMachines") instanceof Map<?, ?> machines) {
            for (Map.Entry<?, ?> e : machines.entrySet()) {
                String key = String.valueOf(e.getKey());
                ids.add(normalized(key) + "StepFunctionsStateMachine");
                ids.add(normalized(key) + "Role");
                if (e.getValue() instanceof Map<?, ?> m) {
                    Object custom = m.get("id") != null ? m.get("id") : m.get("name");
                    if (custom != null) {
                        variables
                                .resolveText(custom)
                                .ifPresent(
                                        c -> {
                                            ids.add(normalized(c));
                                            ids.add(normalized(c) + "Role");
                                        });
                    }
                }
            }
        }
    }
}
