package cirrus.compile.cfn;

/**
 * What the event compilers need to know about the function whose events they compile.
 *
 * @param key the function's key in {@code functions}
 * @param name the deployed function name
 * @param logicalId the logical id of its {@code AWS::Lambda::Function}
 * @param roleId the logical id of its generated role, or null when it has a role of its own
 * @param role the generated role, to which event sources add permissions
 */
record FunctionContext(
        String key, String name, String logicalId, String roleId, FunctionRole role) {
    /** The configuration path of the function, for messages. */
    String path() {
        return "functions." + key;
    }

    /** {@code Fn::GetAtt: [<function>, Arn]}. */
    Object arn() {
        return Intrinsic.arn(logicalId);
    }
}
