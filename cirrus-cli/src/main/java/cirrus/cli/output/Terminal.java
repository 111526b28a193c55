package cirrus.cli.output;

import java.util.Map;

/**
 * Whether output may be coloured. Colours are used only when the output is an interactive terminal,
 * {@code NO_COLOR} is unset and {@code TERM} is not {@code dumb}; piped output and tests never
 * contain escape codes.
 *
 * @param colour true to emit ANSI colour codes
 */
public record Terminal(boolean colour) {
    /** Never colours: for tests and pipes. */
    public static final Terminal PLAIN = new Terminal(false);

    /** Colours when the JVM is attached to a terminal and the environment allows it. */
    public static Terminal detect(Map<String, String> env) {
        boolean tty = System.console() != null;
        boolean allowed = !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new Terminal(tty && allowed);
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
