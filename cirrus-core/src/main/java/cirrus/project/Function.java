package cirrus.project;

import java.util.Objects;

/**
 * A function ({@code functions/<name>}): a Lambda that is not a workflow step, such as the built-in
 * {@code process} and {@code update-state}.
 */
public record Function(ComponentInfo info, boolean enabled, LambdaConfig lambda)
        implements LambdaComponent {
    public Function {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(lambda, "lambda");
    }

    @Override
    public boolean isActive() {
        return enabled && lambda.enabled();
    }
}
