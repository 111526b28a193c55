package cirrus.aws.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Creates or updates one stack from a template in S3 and waits (bounded) for the result. Resource
 * events are reported as they arrive. A failed operation raises {@link DeployException#FAILED}
 * naming the first failing resource and its reason; CloudFormation has then rolled the stack back
 * to its previous version (an update) or to nothing (a first creation, which must be deleted before
 * deploying again).
 */
final class StackDeployer {
    /** The outcome of a successful deployment. */
    record Result(String stackName, String status, boolean changed, Map<String, String> outputs) {}

    private static final Set<Capability> CAPABILITIES =
            Set.of(
                    Capability.CAPABILITY_IAM,
                    Capability.CAPABILITY_NAMED_IAM,
                    Capability.CAPABILITY_AUTO_EXPAND);

    /** At most this many pages of events are read after an operation (100 each). */
    private static final int MAX_EVENT_PAGES = 20;

    private final CloudFormationClient cfn;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Consumer<String> progress;

    StackDeployer(
            CloudFormationClient cfn,
            Duration pollInterval,
            Duration timeout,
            Consumer<String> progress) {
        this.cfn = cfn;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * Creates or updates {@code stackName}. On an update, a parameter of the template that is not
     * given keeps its previous value (as {@code aws cloudformation deploy} does).
     */
    Result deploy(
            String stackName,
            String templateUrl,
            Map<String, String> parameters,
            Set<String> templateParameters) {
        Optional<Stack> existing = describe(stackName);
        List<Parameter> params = new ArrayList<>();
        parameters.forEach(
                (k, v) ->
                        params.add(Parameter.builder().parameterKey(k).parameterValue(v).build()));
        existing.ifPresent(
                stack ->
                        stack.parameters().stream()
                                .map(Parameter::parameterKey)
                                .filter(
                                        k ->
                                                templateParameters.contains(k)
                                                        && !parameters.containsKey(k))
                                .forEach(
                                        k ->
                                                params.add(
                                                        Parameter.builder()
                                                                .parameterKey(k)
                                                                .usePreviousValue(true)
                                                                .build())));
        Set<String> before = new HashSet<>();
        // one token per deploy: the SDK resends the same request on a retry, and CloudFormation
        // answers a repeated token as the first request instead of "already exists"
        String token = "cirrus-deploy-" + java.util.UUID.randomUUID();
        try {
            if (existing.isEmpty()) {
                progress.accept("Creating stack " + stackName);
                cfn.createStack(
                        r ->
                                r.stackName(stackName)
                                        .templateURL(templateUrl)
                                        .parameters(params)
                                        .capabilities(CAPABILITIES)
                                        .clientRequestToken(token));
            } else {
                String status = existing.get().stackStatusAsString();
                if (StackStatus.failedCreation(status)) {
                    throw new DeployException(
                            DeployException.STACK_STATE,
                            "stack "
                                    + stackName
                                    + " is "
                                    + status
                                    + " after a failed first creation and cannot be updated;"
                                    + " delete it (aws cloudformation delete-stack --stack-name "
                                    + stackName
                                    + ") and deploy again");
                }
                if (StackStatus.inProgress(status)) {
                    throw new DeployException(
                            DeployException.STACK_STATE,
                            "stack "
                                    + stackName
                                    + " is busy ("
                                    + status
                                    + "); wait for it to finish and deploy again");
                }
                newerThan(stackName, Set.of(), 1).forEach(e -> before.add(key(e)));
                progress.accept("Updating stack " + stackName);
                try {
                    cfn.updateStack(
                            r ->
                                    r.stackName(stackName)
                                            .templateURL(templateUrl)
                                            .parameters(params)
                                            .capabilities(CAPABILITIES)
                                            .clientRequestToken(token));
                } catch (AwsServiceException e) {
                    if (message(e).contains("No updates are to be performed")) {
                        progress.accept("No changes to deploy");
                        return new Result(stackName, status, false, outputs(existing.get()));
                    }
                    throw e;
                }
            }
        } catch (AwsServiceException e) {
            throw new DeployException(
                    DeployException.REQUEST,
                    "CloudFormation refused to "
                            + (existing.isEmpty() ? "create" : "update")
                            + " stack "
                            + stackName
                            + ": "
                            + firstError(e),
                    e);
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.REQUEST,
                    "the "
                            + (existing.isEmpty() ? "create" : "update")
                            + " request for stack "
                            + stackName
                            + " failed: "
                            + SdkErrors.of(e),
                    e);
        }
        Stack done = await(stackName, new HashSet<>(before));
        String status = done.stackStatusAsString();
        if (StackStatus.succeeded(status)) {
            return new Result(stackName, status, true, outputs(done));
        }
        List<StackEvent> ours = new ArrayList<>(newerThan(stackName, before, MAX_EVENT_PAGES));
        Collections.reverse(ours);
        String cause =
                StackEvent.firstFailure(ours)
                        .map(StackEvent::describe)
                        .orElse(
                                Optional.ofNullable(done.stackStatusReason())
                                        .orElse("no reason given"));
        String state =
                StackStatus.rolledBack(status)
                        ? "the previous version of the stack is in place"
                        : existing.isEmpty()
                                ? "nothing was kept; delete the stack before deploying again"
                                : "check the stack in the CloudFormation console";
        throw new DeployException(
                DeployException.FAILED,
                "stack " + stackName + " " + status + "; first failure: " + cause + "; " + state);
    }

    private Stack await(String stackName, Set<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Stack stack =
                    describe(stackName)
                            .orElseThrow(
                                    () ->
                                            new DeployException(
                                                    DeployException.FAILED,
                                                    "stack "
                                                            + stackName
                                                            + " disappeared while deploying"));
            report(stackName, seen);
            if (!StackStatus.inProgress(stack.stackStatusAsString())) {
                return stack;
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException(
                        DeployException.TIMEOUT,
                        "stack "
                                + stackName
                                + " is still "
                                + stack.stackStatusAsString()
                                + " after "
                                + timeout.toMinutes()
                                + " minutes; follow it in the CloudFormation console (it goes on without cirrus)");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployException(
                        DeployException.TIMEOUT,
                        "interrupted while waiting for stack " + stackName,
                        e);
            }
        }
    }

    /** Prints the resource events not seen yet, oldest first. */
    private void report(String stackName, Set<String> seen) {
        List<StackEvent> fresh = new ArrayList<>(newerThan(stackName, seen, MAX_EVENT_PAGES));
        Collections.reverse(fresh);
        for (StackEvent e : fresh) {
            seen.add(key(e));
            progress.accept(
                    "  "
                            + e.status()
                            + "  "
                            + e.type()
                            + "  "
                            + e.logicalId()
                            + (e.reason().isEmpty() ? "" : "  " + e.reason()));
        }
    }

    /**
     * The stack's events newer than the newest one in {@code known}, newest first, reading at most
     * {@code pages} pages of 100 (a rollback of a large stack makes hundreds of events).
     */
    private List<StackEvent> newerThan(String stackName, Set<String> known, int pages) {
        List<StackEvent> events = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < pages; page++) {
                String next = token;
                var response = cfn.describeStackEvents(r -> r.stackName(stackName).nextToken(next));
                for (var e : response.stackEvents()) {
                    StackEvent event =
                            new StackEvent(
                                    e.timestamp(),
                                    e.logicalResourceId(),
                                    e.resourceType(),
                                    e.resourceStatusAsString(),
                                    e.resourceStatusReason());
                    if (known.contains(key(event))) {
                        return events;
                    }
                    events.add(event);
                }
                token = response.nextToken();
                if (token == null) {
                    break;
                }
            }
        } catch (SdkException e) {
            // events are informative: the stack status decides
        }
        return events;
    }

    private static String key(StackEvent e) {
        return e.time() + "|" + e.logicalId() + "|" + e.status() + "|" + e.reason();
    }

    private Optional<Stack> describe(String stackName) {
        try {
            Collection<Stack> stacks = cfn.describeStacks(r -> r.stackName(stackName)).stacks();
            return stacks.stream().findFirst();
        } catch (AwsServiceException e) {
            if (message(e).contains("does not exist")) {
                return Optional.empty();
            }
            throw new DeployException(
                    DeployException.REQUEST,
                    "cannot read stack " + stackName + ": " + message(e),
                    e);
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.REQUEST, "cannot reach CloudFormation: " + SdkErrors.of(e), e);
        }
    }

    private static Map<String, String> outputs(Stack stack) {
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        return outputs;
    }

    /**
     * The service's error message; when the SDK could not read one (an emulator answering in
     * another format), the raw response body.
     */
    /**
     * The error of the first attempt when the SDK retried (its earlier failures are suppressed in
     * the last one): after a 5xx the retry of a create reads "already exists", which is not what
     * went wrong.
     */
    static String firstError(AwsServiceException e) {
        for (Throwable earlier : e.getSuppressed()) {
            if (earlier instanceof AwsServiceException first) {
                return message(first)
                        + " (HTTP "
                        + first.statusCode()
                        + "; the retry then said: "
                        + message(e)
                        + ")";
            }
            if (earlier instanceof SdkException first) {
                return first.getMessage() + " (the retry then said: " + message(e) + ")";
            }
        }
        return message(e);
    }

    static String message(AwsServiceException e) {
        var details = e.awsErrorDetails();
        if (details != null
                && details.errorMessage() != null
                && !details.errorMessage().isBlank()) {
            return details.errorMessage();
        }
        if (details != null && details.rawResponse() != null) {
            String body = details.rawResponse().asUtf8String().strip();
            if (!body.isEmpty()) {
                return body.length() > 500 ? body.substring(0, 500) + "..." : body;
            }
        }
        return e.getMessage();
    }
}
