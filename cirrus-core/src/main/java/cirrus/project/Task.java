package cirrus.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A task ({@code tasks/<name>}): a workflow step run as a Lambda, as an AWS Batch job (through the
 * CloudFormation resources it declares), or both.
 *
 * @param info identity and definition
 * @param enabled the component-level {@code enabled} flag
 * @param lambda the Lambda part
 * @param batch the Batch part
 */
public record Task(ComponentInfo info, boolean enabled, LambdaConfig lambda, BatchConfig batch)
        implements LambdaComponent {
    public Task {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(batch, "batch");
    }

    @Override
    public boolean isActive() {
        return enabled && (lambda.enabled() || batch.enabled());
    }

    @Override
    public List<String> attributes() {
        List<String> attributes = new ArrayList<>(LambdaComponent.super.attributes());
        if (lambda.enabled()) {
            attributes.add("lambda");
        }
        if (batch.enabled()) {
            attributes.add("batch");
        }
        return attributes;
    }
}
