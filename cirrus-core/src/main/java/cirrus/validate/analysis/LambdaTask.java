package cirrus.validate.analysis;

import java.util.Map;
import java.util.Optional;

import cirrus.validate.source.Node;

/**
 * Which function a Task state runs as a Lambda: {@code Resource: !GetAtt x.Arn} (or {@code Ref}),
 * the {@code lambda:invoke} integration with {@code FunctionName} pointing at {@code x}, or a
 * literal function ARN ending in {@code -x}. Names written as the generated logical id ({@code
 * PreDashbatchLambdaFunction}) are recognised for {@link #is}.
 */
public final class LambdaTask {
    private LambdaTask() {}

    /** The function key or logical id the state runs, if it runs a Lambda. */
    public static Optional<String> function(Asl.State state) {
        if (!state.type().equals("Task")) {
            return Optional.empty();
        }
        Object resource = state.node().get("Resource").map(Node::value).orElse(null);
        Optional<String> direct = TargetId.of(resource);
        if (direct.isPresent()) {
            return direct;
        }
        String text =
                resource instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String s
                        ? s
                        : resource instanceof String s ? s : "";
        if (text.contains(":states:::lambda:invoke")) {
            return state.node()
                    .at(java.util.List.of("Parameters", "FunctionName"))
                    .flatMap(
                            n ->
                                    TargetId.of(n.value())
                                            .or(() -> n.string().map(LambdaTask::lastName)));
        }
        if (text.contains(":function:")) {
            return Optional.of(lastName(text));
        }
        return Optional.empty();
    }

    /** Whether the state runs the function {@code name} (e.g. {@code pre-batch}). */
    public static boolean is(Asl.State state, String name) {
        return function(state)
                .map(
                        f ->
                                f.equals(name)
                                        || f.equals(
                                                GeneratedIds.normalized(name) + "LambdaFunction")
                                        || f.endsWith("-" + name))
                .orElse(false);
    }

    private static String lastName(String arn) {
        String s = arn.substring(arn.lastIndexOf(':') + 1);
        return s.isEmpty() ? arn : s;
    }
}
