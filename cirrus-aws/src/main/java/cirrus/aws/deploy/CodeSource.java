package cirrus.aws.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One code artifact a template's key parameter names.
 *
 * @param parameter the template parameter that takes the S3 key
 * @param source a Python Lambda directory or a ready file (jar, zip)
 * @param pythonDirectory whether {@code source} is a Python Lambda directory to zip (with its
 *     {@code requirements.txt} installed) rather than a file to upload as it is
 */
public record CodeSource(String parameter, Path source, boolean pythonDirectory) {
    public CodeSource {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(source, "source");
    }
}
