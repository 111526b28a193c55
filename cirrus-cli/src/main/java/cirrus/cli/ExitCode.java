package cirrus.cli;

/** The process exit codes of the {@code cirrus} command, mapped in one place ({@link Cli}). */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;

    /** A user or project error (bad project, failed build, failed payload). */
    public static final int ERROR = 1;

    /** A usage error: unknown command or option, missing or bad argument. */
    public static final int USAGE = 2;

    /**
     * {@code cirrus plan} found a breaking change: distinct from {@link #ERROR} and {@link #USAGE}
     * so that a CI gate can tell "the deploy would break something" from "the plan did not run".
     */
    public static final int BREAKING = 3;

    /** An unexpected internal error (a bug): the message asks for a report. */
    public static final int INTERNAL = 70;

    private ExitCode() {}
}
