package cirrus.validate.analysis;

import java.util.List;
import java.util.Map;

import cirrus.validate.ProjectView;

/**
 * How many resources the deployed stack has: the declared ones plus, per function, what the
 * Serverless Framework adds (the function, its log group, a version, a role when it has its own
 * statements, one resource per SQS/EventBridge/schedule event and a permission per
 * EventBridge/schedule/HTTP event), per state machine the machine and its role, and the deployment
 * bucket with its policy. API Gateway paths and methods are counted at one each, so the result is a
 * lower bound.
 *
 * @param declared resources declared in templates
 * @param generated resources Serverless generates
 */
public record ResourceCount(int declared, int generated) {
    public int total() {
        return declared + generated;
    }

    /** The count for {@code view}. */
    public static ResourceCount of(ProjectView view) {
        return view.analysis(ResourceCount.class, ResourceCount::count);
    }

    private static ResourceCount count(ProjectView view) {
        int declared = view.resources().size();
        int generated = 2; // deployment bucket and its policy
        boolean sharedRole = false;
        boolean http = false;
        Map<String, Object> serverless = view.serverless();
        if (serverless.get("functions") instanceof Map<?, ?> functions) {
            for (Object f : functions.values()) {
                if (!(f instanceof Map<?, ?> fn)) {
                    continue;
                }
                generated += 3; // function, log group, version
                if (fn.get("iamRoleStatements") instanceof List<?> l && !l.isEmpty()) {
                    generated++; // serverless-iam-roles-per-function
                } else {
                    sharedRole = true;
                }
                if (fn.get("events") instanceof List<?> events) {
                    for (Object e : events) {
                        if (e instanceof Map<?, ?> m) {
                            if (m.containsKey("http")) {
                                http = true;
                                generated += 3; // resource, method, permission
                            } else if (m.containsKey("eventBridge") || m.containsKey("schedule")) {
                                generated += 2; // rule, permission
                            } else {
                                generated += 1; // event source mapping / subscription
                            }
                        }
                    }
                }
            }
        }
        if (sharedRole) {
            generated++;
        }
        if (http) {
            generated += 2; // rest api, deployment
        }
        if (serverless.get("stepFunctions") instanceof Map<?, ?> sf
                && sf.get("stateMachines") instanceof Map<?, ?> machines) {
            for (Object m : machines.values()) {
                generated += m instanceof Map<?, ?> sm && sm.containsKey("role") ? 1 : 2;
            }
        }
        return new ResourceCount(declared, generated);
    }
}
