package cirrus.aws.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs a Python Lambda's {@code requirements.txt} into its package directory with {@code pip
 * install -r requirements.txt -t <dir>} (what serverless-python-requirements does without Docker),
 * or fails with a message saying how to get pip.
 */
final class PythonRequirements {
    /** How long one pip run may take. */
    static final long TIMEOUT_MINUTES = 15;

    private final List<String> pip;

    /**
     * @param pip the pip command, e.g. {@code [python3, -m, pip]}
     */
    PythonRequirements(List<String> pip) {
        this.pip = List.copyOf(pip);
    }

    /** Whether {@code requirements} names anything to install. */
    static boolean hasRequirements(Path requirements) throws IOException {
        if (!Files.isRegularFile(requirements)) {
            return false;
        }
        return Files.readAllLines(requirements, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
    }

    /** Installs {@code requirements} into {@code target}. */
    void install(Path requirements, Path target, String what) {
        List<String> command = new ArrayList<>(pip);
        command.addAll(
                List.of(
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        "--no-compile",
                        "-r",
                        requirements.toString(),
                        "-t",
                        target.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DeployException(
                    DeployException.PACKAGING,
                    "cannot run '"
                            + String.join(" ", pip)
                            + "' to install the requirements of "
                            + what
                            + " ("
                            + e.getMessage()
                            + "); install pip (python3 -m ensurepip) or set CIRRUS_PIP to a pip command");
        }
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DeployException(
                        DeployException.PACKAGING,
                        "pip did not finish within " + TIMEOUT_MINUTES + " minutes for " + what);
            }
            if (process.exitValue() != 0) {
                throw new DeployException(
                        DeployException.PACKAGING,
                        "pip could not install the requirements of "
                                + what
                                + " (exit "
                                + process.exitValue()
                                + "): "
                                + lastLine(new String(output, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new DeployException(
                    DeployException.PACKAGING, "pip failed for " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new DeployException(
                    DeployException.PACKAGING,
                    "interrupted while installing the requirements of " + what,
                    e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].contains("ERROR")) {
                return lines[i].strip();
            }
        }
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
