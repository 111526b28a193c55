package cirrus.compile.cfn;

import java.util.Locale;

/**
 * Logical ids as the Serverless Framework (v3) and its step-functions plugin name them, so that a
 * stack first deployed with {@code serverless deploy} can be updated with the plain template
 * without replacing its functions, queues of events and state machines.
 *
 * @see <a
 *     href="https://www.serverless.com/framework/docs/providers/aws/guide/resources#aws-cloudformation-resource-reference">Serverless
 *     resource naming</a>
 */
final class LogicalIds {
    private LogicalIds() {}

    /** {@code pre-batch} → {@code PreDashbatch}: serverless' {@code getNormalizedFunctionName}. */
    static String normalized(String name) {
        return upperFirst(name.replace("-", "Dash").replace("_", "Underscore"));
    }

    /**
     * Letters and digits only, first upper-cased: serverless' {@code
     * normalizeNameToAlphaNumericOnly}.
     */
    static String alphanumeric(String name) {
        return upperFirst(name.replaceAll("[^0-9A-Za-z]", ""));
    }

    static String lambdaFunction(String function) {
        return normalized(function) + "LambdaFunction";
    }

    static String logGroup(String function) {
        return normalized(function) + "LogGroup";
    }

    /** The per-function role (serverless-iam-roles-per-function's name). */
    static String role(String function) {
        return normalized(function) + "IamRoleLambdaExecution";
    }

    static String sqsMapping(String function, String queue) {
        return normalized(function) + "EventSourceMappingSQS" + alphanumeric(queue);
    }

    static String eventBridgeRule(String function, int index) {
        return normalized(function) + "EventBridgeRule" + index;
    }

    static String eventBridgePermission(String function, int index) {
        return normalized(function) + "EventBridgeLambdaPermission" + index;
    }

    static String scheduleRule(String function, int index) {
        return normalized(function) + "EventsRuleSchedule" + index;
    }

    static String schedulePermission(String function, int index) {
        return normalized(function) + "LambdaPermissionEventsRuleSchedule" + index;
    }

    static String snsSubscription(String function, String topic) {
        return normalized(function) + "SnsSubscription" + alphanumeric(topic);
    }

    static String snsPermission(String function, String topic) {
        return normalized(function) + "LambdaPermission" + alphanumeric(topic) + "SNS";
    }

    static String apiPermission(String function) {
        return normalized(function) + "LambdaPermissionApiGateway";
    }

    /** The state machine: {@code id}, else its normalised {@code name}, else the key + suffix. */
    static String stateMachine(String key, String id, String name) {
        if (id != null) {
            return id;
        }
        if (name != null) {
            return normalized(name);
        }
        return normalized(key) + "StepFunctionsStateMachine";
    }

    /**
     * An API Gateway path part: {@code {proxy+}} → {@code ProxyVar}, {@code my-items} → {@code
     * MyDashitems}.
     */
    static String pathPart(String part) {
        String p =
                part.isEmpty()
                        ? part
                        : part.substring(0, 1).toUpperCase(Locale.ROOT)
                                + part.substring(1).toLowerCase(Locale.ROOT);
        p = p.replace("-", "Dash").replaceAll("\\{(.*)}", "$1Var").replaceAll("[^0-9A-Za-z]", "");
        return upperFirst(p);
    }

    /** {@code users/{id}} → {@code UsersIdVar}. */
    static String path(String path) {
        StringBuilder b = new StringBuilder();
        for (String part : path.split("/")) {
            b.append(pathPart(part));
        }
        return b.toString();
    }

    /** {@code get} → {@code Get}. */
    static String method(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return upperFirst(m);
    }

    static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Whether CloudFormation accepts {@code id} as a logical id (ASCII letters and digits). */
    static boolean valid(String id) {
        return !id.isEmpty()
                && id.length() <= 255
                && id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }
}
