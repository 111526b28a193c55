package cirrus.local.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import cirrus.local.batch.ContainerLauncher;
import cirrus.local.batch.ContainerRequest;
import cirrus.local.batch.ContainerStartException;
import cirrus.local.batch.ContainerTask;
import cirrus.local.batch.InProcessLauncher;
import cirrus.local.batch.RunningContainer;
import cirrus.local.batch.SubprocessLauncher;
import cirrus.local.model.ImageCommand;
import cirrus.local.model.LocalSettings;

/**
 * Runs Batch containers the way {@code custom.local.images} says: an image mapped to {@code java:
 * <class>} runs that task class in-process; an image mapped to a command runs as a subprocess (the
 * command, then the job's {@code Command}) in the configured directory with the configured extra
 * environment (and fake AWS credentials, never the caller's; {@value #BUCKETS_VARIABLE} points at
 * the local buckets). Images the project does not map may have a builtin in-process runner (the
 * {@code cirrusgeo/run-lambda} images of the builtin job definitions); any other image fails to
 * start with a message saying where to map it.
 */
final class ImageLaunchers implements ContainerLauncher {
    static final String HINT = "custom.local.images in cirrus.yml";

    /**
     * Tells a subprocess job where the local buckets are: {@code s3://<bucket>/<key>} is the file
     * {@code $CIRRUS_LOCAL_BUCKETS/<bucket>/<key>}.
     */
    static final String BUCKETS_VARIABLE = "CIRRUS_LOCAL_BUCKETS";

    private static final Map<String, String> NO_CREDENTIALS =
            Map.of("AWS_ACCESS_KEY_ID", "cirrus-local", "AWS_SECRET_ACCESS_KEY", "cirrus-local");

    private final LocalSettings settings;
    private final Path projectDirectory;
    private final Path bucketsDirectory;
    private final Function<ImageCommand, ContainerTask> javaTasks;
    private final Map<String, ContainerTask> builtinImages;
    private final Map<ImageCommand, ContainerTask> loaded = new ConcurrentHashMap<>();
    private final Map<ImageCommand, SubprocessLauncher> subprocesses = new ConcurrentHashMap<>();

    /**
     * @param javaTasks creates the in-process task of a {@code java:} mapping
     * @param builtinImages in-process tasks for unmapped images, by repository (image without tag)
     */
    ImageLaunchers(
            LocalSettings settings,
            Path projectDirectory,
            Path bucketsDirectory,
            Function<ImageCommand, ContainerTask> javaTasks,
            Map<String, ContainerTask> builtinImages) {
        this.settings = settings;
        this.projectDirectory = projectDirectory;
        this.bucketsDirectory = bucketsDirectory;
        this.javaTasks = javaTasks;
        this.builtinImages = Map.copyOf(builtinImages);
    }

    @Override
    public RunningContainer launch(ContainerRequest request) throws ContainerStartException {
        Optional<ImageCommand> mapped = settings.imageCommand(request.image());
        if (mapped.isPresent() && mapped.get().javaClass().isPresent()) {
            ContainerTask task = loaded.computeIfAbsent(mapped.get(), javaTasks);
            return inProcess(request, task);
        }
        if (mapped.isPresent()) {
            ImageCommand command = mapped.get();
            Map<String, String> env = new LinkedHashMap<>(NO_CREDENTIALS);
            env.put(BUCKETS_VARIABLE, bucketsDirectory.toString());
            env.putAll(command.environment());
            env.putAll(request.environment());
            ContainerRequest withEnv =
                    new ContainerRequest(
                            request.jobId(),
                            request.jobName(),
                            request.attempt(),
                            request.image(),
                            request.command(),
                            env,
                            request.resources(),
                            request.logStreamName(),
                            request.logFile());
            return subprocesses.computeIfAbsent(command, this::launcherFor).launch(withEnv);
        }
        String image = request.image();
        int tag = image.lastIndexOf(':');
        ContainerTask builtin =
                builtinImages.get(tag > image.lastIndexOf('/') ? image.substring(0, tag) : image);
        if (builtin != null) {
            return inProcess(request, builtin);
        }
        throw new ContainerStartException(
                "CannotPullContainerError: no local command is configured for image '"
                        + image
                        + "'; map this image to a command in "
                        + HINT);
    }

    private static RunningContainer inProcess(ContainerRequest request, ContainerTask task)
            throws ContainerStartException {
        return new InProcessLauncher(Map.of(request.image(), task), null).launch(request);
    }

    private SubprocessLauncher launcherFor(ImageCommand command) {
        Path dir =
                command.workingDirectory().map(projectDirectory::resolve).orElse(projectDirectory);
        return new SubprocessLauncher(
                Map.of(command.image(), List.copyOf(command.entrypoint())), dir, false, HINT);
    }
}
