package cirrus.cli.states;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.json.Json;
import cirrus.states.run.TaskInvoker;
import cirrus.states.run.TaskOutcome;
import cirrus.states.run.TaskRequest;

/**
 * Runs a Task as a shell command ({@code sh -c COMMAND}): the task input is given as JSON on its
 * stdin and its stdout, parsed as JSON, is the result (empty stdout is {@code null}). A non-zero
 * exit is a task failure: the Error is the first word of the last non-blank line of stderr (a
 * trailing colon dropped, so a Python traceback's {@code ValueError: bad} gives {@code ValueError})
 * and the Cause the rest of that line. The environment also carries {@code CIRRUS_TASK_RESOURCE},
 * {@code CIRRUS_TASK_STATE}, {@code CIRRUS_TASK_TOKEN} and {@code CIRRUS_EXECUTION_ARN}. When the
 * task is cancelled (timeout, abort) the process tree is killed.
 */
public final class ProcessTaskInvoker implements TaskInvoker {
    /** Causes are cut to the size Step Functions allows. */
    static final int MAX_CAUSE = 32_768;

    private final String command;

    public ProcessTaskInvoker(String command) {
        this.command = command;
    }

    @Override
    public TaskOutcome invoke(TaskRequest request) throws InterruptedException {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("cirrus-task-");
            Path stdin =
                    Files.writeString(
                            dir.resolve("stdin"),
                            Json.write(request.input()),
                            StandardCharsets.UTF_8);
            Path stdout = dir.resolve("stdout");
            Path stderr = dir.resolve("stderr");
            ProcessBuilder builder =
                    new ProcessBuilder("/bin/sh", "-c", command)
                            .redirectInput(stdin.toFile())
                            .redirectOutput(stdout.toFile())
                            .redirectError(stderr.toFile());
            builder.environment().put("CIRRUS_TASK_RESOURCE", request.resource());
            builder.environment().put("CIRRUS_TASK_STATE", request.stateName());
            builder.environment().put("CIRRUS_TASK_TOKEN", request.token());
            builder.environment().put("CIRRUS_EXECUTION_ARN", request.executionArn());
            process = builder.start();
            int exit = process.waitFor();
            process = null;
            if (exit != 0) {
                return failure(Files.readString(stderr, StandardCharsets.UTF_8), exit);
            }
            return success(Files.readString(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return TaskOutcome.failed(
                    ErrorNames.TASK_FAILED, "cannot run '" + command + "': " + e.getMessage());
        } finally {
            if (process != null) {
                kill(process);
            }
            delete(dir);
        }
    }

    /**
     * Kills the shell first, then what it started: killing a child first would let the shell run
     * the rest of its command line.
     */
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static TaskOutcome success(String stdout) {
        if (stdout.isBlank()) {
            return TaskOutcome.succeeded(Json.NODES.nullNode());
        }
        try {
            JsonNode output = Json.parse(stdout);
            return TaskOutcome.succeeded(output);
        } catch (JsonProcessingException e) {
            String start = stdout.strip();
            return TaskOutcome.failed(
                    ErrorNames.TASK_FAILED,
                    "the command's output is not JSON ("
                            + e.getOriginalMessage()
                            + "): "
                            + (start.length() > 200 ? start.substring(0, 200) + "..." : start));
        }
    }

    /** Error and Cause from the last non-blank line of stderr. */
    static TaskOutcome failure(String stderr, int exit) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return TaskOutcome.failed(
                    ErrorNames.TASK_FAILED, "the command exited with status " + exit);
        }
        String last = lines.get(lines.size() - 1).strip();
        int space = last.indexOf(' ');
        String error = space < 0 ? last : last.substring(0, space);
        String cause = space < 0 ? "" : last.substring(space + 1).strip();
        if (error.endsWith(":") && error.length() > 1) {
            error = error.substring(0, error.length() - 1);
        }
        if (cause.isEmpty()) {
            cause = "the command exited with status " + exit;
        }
        return TaskOutcome.failed(
                error, cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) : cause);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
