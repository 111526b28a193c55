package cirrus.local.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs each container as a local subprocess: the image is looked up in a map of image → command
 * prefix (exact image first, then patterns with {@code *} wildcards in map order), and the job's
 * command is appended to that prefix, e.g. image {@code 123.dkr.ecr…/stac-task:dev} mapped to
 * {@code [python3, -m, my_task]} with command {@code [run, s3://…]} runs {@code python3 -m my_task
 * run s3://…}. Stdout and stderr go, interleaved as written, straight to the attempt's log file.
 * The environment is the host's (unless disabled) plus the container's.
 */
public final class SubprocessLauncher implements ContainerLauncher {
    private final Map<String, List<String>> prefixes;
    private final Path workingDirectory;
    private final boolean inheritEnvironment;
    private final String configurationHint;

    /**
     * @param prefixes image (or pattern with {@code *}) → command prefix, in lookup order
     * @param workingDirectory where processes start ({@code null} = this process's directory)
     * @param inheritEnvironment whether processes see this process's environment variables (else
     *     only {@code PATH}, {@code HOME}, {@code LANG} and {@code TMPDIR} besides the job's)
     * @param configurationHint where users configure the map, quoted in the error when an image is
     *     missing (e.g. {@code "local.images in cirrus.yml"})
     */
    public SubprocessLauncher(
            Map<String, List<String>> prefixes,
            Path workingDirectory,
            boolean inheritEnvironment,
            String configurationHint) {
        this.prefixes = new LinkedHashMap<>();
        prefixes.forEach((image, prefix) -> this.prefixes.put(image, List.copyOf(prefix)));
        this.workingDirectory = workingDirectory;
        this.inheritEnvironment = inheritEnvironment;
        this.configurationHint = configurationHint;
    }

    /** A launcher with these prefixes, the host environment and the current directory. */
    public static SubprocessLauncher of(Map<String, List<String>> prefixes) {
        return new SubprocessLauncher(prefixes, null, true, "the local image map");
    }

    /** The command prefix configured for an image. */
    public Optional<List<String>> prefixFor(String image) {
        List<String> exact = prefixes.get(image);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, List<String>> entry : prefixes.entrySet()) {
            if (entry.getKey().contains("*") && glob(entry.getKey()).matcher(image).matches()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public RunningContainer launch(ContainerRequest request) throws ContainerStartException {
        List<String> prefix =
                prefixFor(request.image())
                        .orElseThrow(
                                () ->
                                        new ContainerStartException(
                                                "CannotPullContainerError: no local command is"
                                                        + " configured for image '"
                                                        + request.image()
                                                        + "'; map this image to a command prefix"
                                                        + " in "
                                                        + configurationHint));
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(request.command());
        if (argv.isEmpty()) {
            throw new ContainerStartException(
                    "CannotStartContainerError: the job has no command and image '"
                            + request.image()
                            + "' maps to an empty command prefix");
        }
        ProcessBuilder builder =
                new ProcessBuilder(ExitEvidence.wrap(argv, request.logFile()))
                        .redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Map<String, String> environment = builder.environment();
        if (!inheritEnvironment) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
                if (environment.containsKey(name)) {
                    kept.put(name, environment.get(name));
                }
            }
            environment.clear();
            environment.putAll(kept);
        }
        environment.putAll(request.environment());
        Process process;
        try {
            Files.createDirectories(request.logFile().getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(request.logFile().toFile()));
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new ContainerStartException(
                    "CannotStartContainerError: cannot run " + argv + ": " + e.getMessage());
        }
        return new ProcessContainer(process);
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(
                Arrays.stream(pattern.split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".*")));
    }

    private static final class ProcessContainer implements RunningContainer {
        private final Process process;
        private final OptionalLong startedAt;
        private final CompletableFuture<ContainerExit> exit;

        ProcessContainer(Process process) {
            this.process = process;
            this.startedAt =
                    process.info().startInstant().stream()
                            .mapToLong(Instant::toEpochMilli)
                            .findFirst();
            this.exit = process.onExit().thenApply(p -> new ContainerExit(p.exitValue(), null));
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(process.pid());
        }

        @Override
        public OptionalLong pidStartedAt() {
            return startedAt;
        }

        @Override
        public CompletableFuture<ContainerExit> exit() {
            return exit;
        }

        @Override
        public void stop(Duration grace) {
            ProcessTree.stop(process.toHandle(), grace);
        }
    }
}
