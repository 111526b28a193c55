package cirrus.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Python Lambda's code directory in the build output, {@code lambdas/<name>/}: the component's
 * files (except {@code definition.yml}) and a {@code requirements.txt} that
 * serverless-python-requirements installs into the package.
 *
 * @param name the function name (the component directory name)
 * @param sourceDirectory the component directory the files are copied from
 * @param requirements the requirement lines, sorted and unique
 */
public record LambdaPackage(String name, Path sourceDirectory, List<String> requirements) {
    /** The directory under the build directory that holds every Lambda package. */
    public static final String LAMBDAS_DIR = "lambdas";

    public LambdaPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceDirectory, "sourceDirectory");
        requirements = List.copyOf(requirements);
    }

    /** {@code lambdas/<name>}: the serverless {@code module} of the function. */
    public String module() {
        return LAMBDAS_DIR + "/" + name;
    }
}
