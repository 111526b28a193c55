package cirrus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import cirrus.cli.output.Console;
import cirrus.cli.output.HelpRenderer;
import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one place where failures become exit codes and messages. Usage errors (bad or missing
 * arguments, unknown commands) print the command's usage line and exit {@link ExitCode#USAGE};
 * project and user errors print their one-line message and exit {@link ExitCode#ERROR}; anything
 * else is a bug: {@link ExitCode#INTERNAL} with a request to report it. Stack traces appear only
 * with {@code -v} or {@code --stacktrace}.
 */
final class ErrorHandler
        implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    private final CliContext context;

    ErrorHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        return usageError(ex.getCommandLine(), message(ex), ex);
    }

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return handle(ex, commandLine);
    }

    /** Maps {@code ex}, thrown while running {@code commandLine}, to an exit code. */
    int handle(Throwable ex, CommandLine commandLine) {
        Console console = context.console();
        if (ex instanceof CommandLine.ParameterException pe) {
            return usageError(pe.getCommandLine(), message(pe), pe);
        }
        if (ex instanceof UsageException ue) {
            return usageError(commandLine, ue.getMessage(), ue);
        }
        if (ex instanceof DiagnosticException de) {
            for (Diagnostic d : de.diagnostics()) {
                console.error(context.format(d));
            }
            printStackTrace(ex);
            return ExitCode.ERROR;
        }
        console.error(
                "Internal error: "
                        + ex
                        + "\nThis is a bug in cirrus; please report it with the output of"
                        + " the same command run with --stacktrace.");
        printStackTrace(ex);
        return ExitCode.INTERNAL;
    }

    private int usageError(CommandLine commandLine, String message, Throwable ex) {
        PrintWriter err = context.console().err();
        err.println(HelpRenderer.usageLine(commandLine.getCommandSpec()));
        err.println(
                "Try '" + commandLine.getCommandSpec().qualifiedName(" ") + " --help' for help.");
        err.println();
        context.console().error("Error: " + message);
        printStackTrace(ex);
        return ExitCode.USAGE;
    }

    private void printStackTrace(Throwable ex) {
        if (context.showStackTraces()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            context.console().err().print(trace);
            context.console().err().flush();
        }
    }

    /** The message of a picocli parse error, worded like click's. */
    static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return missing(missing.getMissing());
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            if (unmatched.isUnknownOption()) {
                return "No such option: " + args.get(0);
            }
            return (args.size() == 1
                            ? "Got unexpected extra argument ("
                            : "Got unexpected extra arguments (")
                    + String.join(" ", args)
                    + ")";
        }
        return ex.getMessage();
    }

    private static String missing(List<ArgSpec> missing) {
        ArgSpec arg = missing.get(0);
        if (arg instanceof OptionSpec option) {
            StringBuilder text = new StringBuilder("Missing option ");
            List<String> names = new ArrayList<>();
            for (String name : option.names()) {
                names.add("'" + name + "'");
            }
            text.append(String.join(" / ", names)).append('.');
            Iterable<String> choices = option.completionCandidates();
            if (choices != null && choices.iterator().hasNext()) {
                List<String> list = new ArrayList<>();
                choices.forEach(list::add);
                text.append(" Choose from:\n\t").append(String.join(",\n\t", list));
            }
            return text.toString();
        }
        return "Missing argument '" + arg.paramLabel() + "'.";
    }
}
