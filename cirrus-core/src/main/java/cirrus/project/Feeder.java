package cirrus.project;

import java.util.Objects;

/** A feeder ({@code feeders/<name>}): a Lambda that feeds payloads into cirrus. */
public record Feeder(ComponentInfo info, boolean enabled, LambdaConfig lambda)
        implements LambdaComponent {
    public Feeder {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(lambda, "lambda");
    }

    @Override
    public boolean isActive() {
        return enabled && lambda.enabled();
    }
}
