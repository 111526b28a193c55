package cirrus.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether stderr is an interactive terminal (progress lines are written only then) and whether
 * output may be coloured. Colours are used only when the stream they go to (stderr, where messages
 * go) is an interactive terminal, {@code NO_COLOR} is unset or empty (no-color.org) and {@code
 * TERM} is not {@code dumb}; piped or redirected output and tests never contain escape codes.
 *
 * @param colour true to emit ANSI colour codes
 * @param interactive stderr is a terminal: a person watches, so progress is worth printing
 */
public record Terminal(boolean colour, boolean interactive) {
    /** Never colours, no progress: for tests and pipes. */
    public static final Terminal PLAIN = new Terminal(false, false);

    /** Colours (or not) on a terminal. */
    public Terminal(boolean colour) {
        this(colour, colour);
    }

    /** The file descriptor of stderr, where the coloured messages go. */
    private static final int STDERR = 2;

    /** Colours when stderr is a terminal and the environment allows it. */
    public static Terminal detect(Map<String, String> env) {
        return detect(env, isTerminal(STDERR));
    }

    /** Colours when {@code terminal} (the stream is a terminal) and the environment allows it. */
    static Terminal detect(Map<String, String> env, boolean terminal) {
        String noColor = env.get("NO_COLOR");
        boolean allowed = (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        return new Terminal(terminal && allowed, terminal);
    }

    /**
     * Whether file descriptor {@code fd} of this process is a terminal. Java has no isatty per
     * stream ({@code System.console()} needs stdin and stdout to be one), so on Linux the
     * descriptor's target is read from {@code /proc/self/fd}; elsewhere {@code System.console()}
     * decides.
     */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/")
                    || target.startsWith("/dev/tty")
                    || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** A colour of click's palette. */
    public enum Colour {
        RED(31),
        GREEN(32),
        YELLOW(33),
        BLUE(34);

        private final int code;

        Colour(int code) {
            this.code = code;
        }
    }

    /** {@code text} in {@code colour}, or unchanged when colours are off. */
    public String paint(String text, Colour colour) {
        return colour() ? "\u001b[" + colour.code + "m" + text + "\u001b[0m" : text;
    }
}
