package cirrus.cli.aws;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.aws.moto.MotoIam;

/**
 * The IAM actions a deployed state machine's role needs for the Task states of its definition
 * (including those inside Parallel branches and Map iterators), as AWS documents them for each
 * integration: a Lambda ARN or {@code lambda:invoke} needs {@code lambda:InvokeFunction}; {@code
 * batch:submitJob.sync} needs {@code batch:SubmitJob}, {@code batch:DescribeJobs}, {@code
 * batch:TerminateJob} and the managed rule ({@code events:PutTargets}, {@code events:PutRule},
 * {@code events:DescribeRule}); {@code batch:submitJob} needs {@code batch:SubmitJob}.
 */
final class StateMachineCalls {
    private StateMachineCalls() {}

    static Set<String> of(JsonNode definition) {
        Set<String> actions = new TreeSet<>();
        forEachTask(
                definition,
                resource -> {
                    if (resource.startsWith("arn:aws:lambda:")
                            || resource.startsWith("arn:aws:states:::lambda:invoke")) {
                        actions.add("lambda:InvokeFunction");
                    } else if (resource.equals("arn:aws:states:::batch:submitJob.sync")) {
                        actions.addAll(
                                Set.of(
                                        "batch:SubmitJob",
                                        "batch:DescribeJobs",
                                        "batch:TerminateJob",
                                        "events:PutTargets",
                                        "events:PutRule",
                                        "events:DescribeRule"));
                    } else if (resource.equals("arn:aws:states:::batch:submitJob")) {
                        actions.add("batch:SubmitJob");
                    } else {
                        actions.add("unknown integration " + resource);
                    }
                });
        return actions;
    }

    /** The Lambda functions the definition invokes directly (their ARNs). */
    static Set<String> functions(JsonNode definition) {
        Set<String> arns = new TreeSet<>();
        forEachTask(
                definition,
                resource -> {
                    if (resource.startsWith("arn:aws:lambda:")) {
                        arns.add(resource);
                    }
                });
        return arns;
    }

    /** The resources of the statements that allow {@code action}. */
    static Set<String> resources(Map<String, JsonNode> policies, String action) {
        Set<String> resources = new TreeSet<>();
        for (JsonNode policy : policies.values()) {
            for (JsonNode s : policy.path("Statement")) {
                if (MotoIam.actions(s).contains(action)) {
                    JsonNode r = s.path("Resource");
                    if (r.isArray()) {
                        r.forEach(x -> resources.add(x.asText()));
                    } else {
                        resources.add(r.asText());
                    }
                }
            }
        }
        return resources;
    }

    private static void forEachTask(JsonNode machine, java.util.function.Consumer<String> task) {
        for (JsonNode state : machine.path("States")) {
            if ("Task".equals(state.path("Type").asText())) {
                task.accept(state.path("Resource").asText());
            }
            for (JsonNode branch : state.path("Branches")) {
                forEachTask(branch, task);
            }
            if (state.has("Iterator")) {
                forEachTask(state.get("Iterator"), task);
            }
            if (state.has("ItemProcessor")) {
                forEachTask(state.get("ItemProcessor"), task);
            }
        }
    }
}
