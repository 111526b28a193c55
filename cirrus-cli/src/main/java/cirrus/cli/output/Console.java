package cirrus.cli.output;

import java.io.PrintWriter;

/**
 * Where the CLI writes: data (listings, file contents) to {@link #out()}, everything for the human
 * (errors, warnings, progress, success messages) to {@link #err()} — coloured by level on a
 * terminal. {@code -v} shows info messages, {@code -vv} debug messages; warnings and errors are
 * always shown.
 */
public final class Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private int verbosity;

    public Console(PrintWriter out, PrintWriter err, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** 0 by default; each {@code -v} adds one. */
    public int verbosity() {
        return verbosity;
    }

    public void setVerbosity(int verbosity) {
        this.verbosity = verbosity;
    }

    public void error(String message) {
        err.println(terminal.paint(message, Terminal.Colour.RED));
        err.flush();
    }

    public void warn(String message) {
        err.println(terminal.paint(message, Terminal.Colour.YELLOW));
        err.flush();
    }

    public void success(String message) {
        err.println(terminal.paint(message, Terminal.Colour.GREEN));
        err.flush();
    }

    public void info(String message) {
        if (verbosity >= 1) {
            err.println(message);
            err.flush();
        }
    }

    public void debug(String message) {
        if (verbosity >= 2) {
            err.println(terminal.paint(message, Terminal.Colour.BLUE));
            err.flush();
        }
    }
}
