package cirrus.compile.cfn;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources a Task state's parameters name ({@code FunctionName}, {@code JobQueue}, {@code
 * QueueUrl}, ...), as IAM resource ARNs: a {@code #{X}} placeholder reads as {@code Ref: X}, a
 * {@code Ref} of a queue or table becomes its {@code Arn}, a bare name becomes the ARN in the
 * stack's account and region, and a value computed at run time ({@code Name.$}) every resource of
 * that kind.
 */
final class TaskResources {
    /** An ARN in the stack's partition, region and account: service, then resource. */
    static final String ACCOUNT = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:%s";

    private static final Pattern HASH = Pattern.compile("^#\\{([A-Za-z0-9]+)}$");
    private static final Pattern QUEUE_URL =
            Pattern.compile("^https://sqs\\.([a-z0-9-]+)\\.amazonaws\\.com/(\\d+)/(.+)$");

    private final TemplateSections template;

    TaskResources(TemplateSections template) {
        this.template = template;
    }

    boolean isFunction(String id) {
        return "AWS::Lambda::Function".equals(template.resourceType(id));
    }

    /** {@code arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<resource>}. */
    static Object account(String service, String resource) {
        return Intrinsic.sub(String.format(ACCOUNT, service, resource));
    }

    /**
     * The resource for parameter {@code name}: {@code convert}ed from its value ({@code #{X}} read
     * as {@code Ref: X}), or {@code dynamic} when it is computed at run time ({@code name.$}).
     */
    static Object value(
            Map<String, Object> parameters,
            String name,
            Function<Object, Object> convert,
            Object dynamic) {
        Object v = parameters.get(name);
        if (v == null) {
            return dynamic;
        }
        if (v instanceof String s) {
            Matcher hash = HASH.matcher(s);
            if (hash.matches()) {
                return convert.apply(Intrinsic.ref(hash.group(1)));
            }
            if (SubTemplate.hasHashVariable(s)) {
                return Intrinsic.sub(SubTemplate.hashToDollar(s));
            }
        }
        return convert.apply(v);
    }

    Object functionArn(Object v) {
        Optional<String> ref = Intrinsic.refTarget(v);
        if (ref.isPresent() && isFunction(ref.get())) {
            return Intrinsic.arn(ref.get());
        }
        if (v instanceof String s && !s.startsWith("arn:")) {
            return account("lambda", "function:" + s);
        }
        return v;
    }

    static Object named(Object v, String service, String prefix) {
        if (v instanceof String s && !s.startsWith("arn:")) {
            return account(
                    service,
                    prefix
                            + s
                            + (prefix.startsWith("job-definition") && !s.contains(":") ? "*" : ""));
        }
        return v;
    }

    Object queueArn(Object v) {
        Optional<String> ref = Intrinsic.refTarget(v);
        if (ref.isPresent() && "AWS::SQS::Queue".equals(template.resourceType(ref.get()))) {
            return Intrinsic.arn(ref.get());
        }
        if (v instanceof String s) {
            Matcher url = QUEUE_URL.matcher(s);
            if (url.matches()) {
                return "arn:aws:sqs:" + url.group(1) + ":" + url.group(2) + ":" + url.group(3);
            }
        }
        return account("sqs", "*");
    }

    Object tableArn(Object v) {
        Optional<String> ref = Intrinsic.refTarget(v);
        if (ref.isPresent() && "AWS::DynamoDB::Table".equals(template.resourceType(ref.get()))) {
            return Intrinsic.arn(ref.get());
        }
        if (v instanceof String s && !s.startsWith("arn:")) {
            return account("dynamodb", "table/" + s);
        }
        return v;
    }
}
