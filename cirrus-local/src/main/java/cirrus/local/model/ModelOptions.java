package cirrus.local.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.resolve.VariableSources;

/**
 * What the user chose when starting the local engine.
 *
 * @param stage {@code --stage}, if given
 * @param region {@code --region}, if given
 * @param environment the environment for {@code ${env:X}}
 * @param stateDirectory {@code --state-dir}, if given (overrides {@code custom.local.stateDir})
 */
public record ModelOptions(
        Optional<String> stage,
        Optional<String> region,
        Map<String, String> environment,
        Optional<Path> stateDirectory) {
    public ModelOptions {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(region, "region");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stateDirectory, "stateDirectory");
    }

    /** No options, this process' environment. */
    public static ModelOptions defaults() {
        return new ModelOptions(
                Optional.empty(), Optional.empty(), System.getenv(), Optional.empty());
    }

    public ModelOptions withStage(String value) {
        return new ModelOptions(Optional.of(value), region, environment, stateDirectory);
    }

    public ModelOptions withRegion(String value) {
        return new ModelOptions(stage, Optional.of(value), environment, stateDirectory);
    }

    public ModelOptions withEnvironment(Map<String, String> value) {
        return new ModelOptions(stage, region, value, stateDirectory);
    }

    public ModelOptions withStateDirectory(Path value) {
        return new ModelOptions(stage, region, environment, Optional.of(value));
    }

    /** The sources serverless variables are resolved from. */
    VariableSources variableSources() {
        Map<String, String> options = new LinkedHashMap<>();
        stage.ifPresent(s -> options.put("stage", s));
        region.ifPresent(r -> options.put("region", r));
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("accountId", LocalNames.ACCOUNT_ID);
        aws.put("region", region.orElse("us-west-2"));
        return new VariableSources(options, environment, aws);
    }
}
