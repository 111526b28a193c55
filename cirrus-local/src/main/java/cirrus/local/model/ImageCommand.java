package cirrus.local.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a Batch job whose container image matches {@link #image} runs locally: as a subprocess whose
 * command line is {@link #entrypoint} followed by the job's {@code Command} (after {@code
 * Ref::param} substitution), or, with {@link #javaClass}, as a Java task class run in-process by
 * the builtin runner with the job's {@code Command} as arguments.
 *
 * @param image the image name, or a pattern where {@code *} matches any characters (e.g. {@code
 *     123456789012.dkr.ecr.*.amazonaws.com/reproject:*})
 * @param entrypoint the command-line prefix; empty to run the job's {@code Command} as is
 * @param workingDirectory where the subprocess starts, relative to the project; empty for the
 *     project directory
 * @param environment extra environment variables (the job's own win)
 * @param javaClass a Java task class to run in-process instead of a subprocess
 */
public record ImageCommand(
        String image,
        List<String> entrypoint,
        Optional<String> workingDirectory,
        Map<String, String> environment,
        Optional<String> javaClass) {
    public ImageCommand {
        Objects.requireNonNull(image, "image");
        entrypoint = List.copyOf(entrypoint);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(javaClass, "javaClass");
    }

    /** Whether {@code imageName} is this image or matches its pattern. */
    public boolean matches(String imageName) {
        if (!image.contains("*")) {
            return image.equals(imageName);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : image.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return imageName.matches(regex.toString());
    }
}
