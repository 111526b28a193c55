package cirrus.states.run;

/**
 * How Step Functions reports a Task resource in the history: a Lambda function ARN gives {@code
 * LambdaFunction*} events; an optimized integration ({@code arn:aws:states:::batch:submitJob.sync})
 * gives {@code Task*} events with a resource type ({@code batch}) and resource ({@code
 * submitJob.sync}).
 *
 * @param lambda whether it is a Lambda function ARN
 * @param resourceType the service, e.g. {@code batch}, or null
 * @param resource the action, e.g. {@code submitJob.sync}, or the whole resource string
 */
record ResourceKind(boolean lambda, String resourceType, String resource) {
    private static final String INTEGRATION = "arn:aws:states:::";

    static ResourceKind of(String resource) {
        if (resource.startsWith("arn:aws:lambda:") && resource.contains(":function:")) {
            return new ResourceKind(true, null, resource);
        }
        if (resource.startsWith(INTEGRATION)) {
            String rest = resource.substring(INTEGRATION.length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                return new ResourceKind(false, rest.substring(0, colon), rest.substring(colon + 1));
            }
        }
        return new ResourceKind(false, null, resource);
    }
}
