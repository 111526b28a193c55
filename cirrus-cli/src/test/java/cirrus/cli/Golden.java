package cirrus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One recorded run of cirrus v0.15.4 from {@code src/test/resources/golden/NN-*.txt}: the command
 * line, exit code, stdout and stderr (trailing newlines are not recorded).
 *
 * @param file the golden file name
 * @param args the arguments after {@code cirrus}
 * @param exitCode the exit code
 * @param out stdout without trailing newlines
 * @param err stderr without trailing newlines
 */
record Golden(String file, String[] args, int exitCode, String out, String err) {
    private static final String OUT = "# ---- stdout ----\n";
    private static final String ERR = "# ---- stderr ----\n";

    static Golden read(String file) {
        String text;
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing src/test/resources/golden/" + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String command = text.substring(0, text.indexOf('\n'));
        if (!command.startsWith("$ cirrus")) {
            throw new IllegalStateException(file + ": no command line");
        }
        String argLine = command.substring("$ cirrus".length()).trim();
        String[] args = argLine.isEmpty() ? new String[0] : argLine.split(" ");
        String codeLine = text.substring(text.indexOf("# exit code: ") + 13);
        int code = Integer.parseInt(codeLine.substring(0, codeLine.indexOf('\n')));
        String out = text.substring(text.indexOf(OUT) + OUT.length(), text.indexOf(ERR));
        String err = text.substring(text.indexOf(ERR) + ERR.length());
        return new Golden(file, args, code, trimEnd(out), trimEnd(err));
    }

    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public String toString() {
        return file;
    }
}
