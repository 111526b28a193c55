package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM role of one function, as serverless-iam-roles-per-function makes it: the function may
 * write its own log group, use its event sources (SQS), reach its VPC, and do what its {@code
 * iamRoleStatements} allow (plus the provider's statements when {@code iamRoleStatementsInherit} is
 * true). Unlike that plugin, a function without statements gets a role of its own too (instead of
 * the Serverless Framework's shared role), with the provider's statements.
 *
 * @see <a
 *     href="https://github.com/functionalone/serverless-iam-roles-per-function">serverless-iam-roles-per-function</a>
 */
final class FunctionRole {
    private final List<Object> statements = new ArrayList<>();
    private boolean vpc;

    /** Allows {@code actions} on {@code resources}. */
    void allow(List<String> actions, List<Object> resources) {
        statements.add(
                Intrinsic.map(
                        "Effect", "Allow",
                        "Action", List.copyOf(actions),
                        "Resource", List.copyOf(resources)));
    }

    /** Adds statements written by the user, as they are. */
    void addAll(List<Object> userStatements) {
        statements.addAll(userStatements);
    }

    void inVpc() {
        vpc = true;
    }

    /**
     * Adds the role to the template under {@code logicalId} for the function deployed as {@code
     * functionName}.
     */
    void addTo(
            TemplateSections template, String logicalId, String policyName, String functionName) {
        String logGroup =
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/"
                        + functionName;
        List<Object> all = new ArrayList<>();
        all.add(
                Intrinsic.map(
                        "Effect", "Allow",
                        "Action",
                                List.of(
                                        "logs:CreateLogStream",
                                        "logs:CreateLogGroup",
                                        "logs:TagResource"),
                        "Resource", List.of(Intrinsic.sub(logGroup + ":*"))));
        all.add(
                Intrinsic.map(
                        "Effect", "Allow",
                        "Action", List.of("logs:PutLogEvents"),
                        "Resource", List.of(Intrinsic.sub(logGroup + ":*:*"))));
        all.addAll(statements);
        Map<String, Object> properties =
                Intrinsic.map(
                        "Path",
                        "/",
                        "AssumeRolePolicyDocument",
                        assumeRole("lambda.amazonaws.com"),
                        "Policies",
                        List.of(
                                Intrinsic.map(
                                        "PolicyName",
                                        policyName,
                                        "PolicyDocument",
                                        Intrinsic.map("Version", "2012-10-17", "Statement", all))));
        if (vpc) {
            properties.put(
                    "ManagedPolicyArns",
                    List.of(
                            Intrinsic.sub(
                                    "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")));
        }
        template.resource(logicalId, "AWS::IAM::Role", properties);
    }

    /** A trust policy letting {@code service} assume the role. */
    static Map<String, Object> assumeRole(String service) {
        return Intrinsic.map(
                "Version",
                "2012-10-17",
                "Statement",
                List.of(
                        Intrinsic.map(
                                "Effect", "Allow",
                                "Principal", Intrinsic.map("Service", List.of(service)),
                                "Action", List.of("sts:AssumeRole"))));
    }
}
