package cirrus.compile.cfn;

import java.util.Map;
import java.util.Optional;

import cirrus.compile.Build;
import cirrus.compile.Compilation;
import cirrus.compile.CompileDiagnostics;

/**
 * The CloudFormation build target: besides what the serverless target writes, {@code
 * .cirrus/build/cloudformation.json}. Keeps the compiled template for the caller ({@code cirrus
 * deploy} packages and deploys it).
 */
public final class CloudFormationBuild implements Build.Target {
    private final CloudFormationTarget.Options options;
    private StackTemplate template;

    public CloudFormationBuild(CloudFormationTarget.Options options) {
        this.options = options;
    }

    @Override
    public Map<String, String> files(Compilation compilation, CompileDiagnostics diagnostics) {
        Optional<StackTemplate> compiled =
                CloudFormationTarget.compile(compilation, options, diagnostics);
        if (compiled.isEmpty()) {
            return Map.of();
        }
        template = compiled.get();
        return Map.of(StackTemplate.FILE, template.json());
    }

    /** The template of the last successful {@link #files} call. */
    public Optional<StackTemplate> template() {
        return Optional.ofNullable(template);
    }
}
