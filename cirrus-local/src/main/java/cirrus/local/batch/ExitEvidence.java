package cirrus.local.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of how a subprocess container ended, written by the container itself (a {@code
 * /bin/sh} wrapper around its command) next to its log file, so that an emulator restarted after a
 * crash knows that a job finished while nobody watched it: {@code <log file>.exit} holds the exit
 * status, written to a temporary file and renamed into place.
 */
final class ExitEvidence {
    private static final String SHELL = "/bin/sh";
    private static final String WRAPPER =
            "f=$1; shift; \"$@\"; s=$?; printf '%s\\n' \"$s\" > \"$f.tmp\" && mv -f \"$f.tmp\" \"$f\";"
                    + " exit $s";

    private ExitEvidence() {}

    /** The evidence file of the container whose output goes to {@code logFile}. */
    static Path fileFor(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName() + ".exit");
    }

    /** {@code argv} wrapped so that its exit status is recorded; as is where there is no shell. */
    static List<String> wrap(List<String> argv, Path logFile) {
        if (!Files.isExecutable(Path.of(SHELL))) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(List.of(SHELL, "-c", WRAPPER, "cirrus-job"));
        wrapped.add(fileFor(logFile).toString());
        wrapped.addAll(argv);
        return wrapped;
    }

    /** How the container writing to {@code logFile} ended, if it recorded it. */
    static Optional<ContainerExit> read(Path logFile) {
        try {
            String text = Files.readString(fileFor(logFile), StandardCharsets.UTF_8).trim();
            return Optional.of(new ContainerExit(Integer.parseInt(text), null));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
