package cirrus.cli.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bash script that runs one {@link ShellBlock} step by step: each command line (with its {@code
 * \} continuations) runs as written, and the first that exits non-zero ends the script with its
 * status and a message naming its line in the document. Unlike {@code set -e}, this also catches a
 * failure inside {@code a && b}. The last working directory is written to a file for the next
 * block.
 */
final class ScriptOf {
    private ScriptOf() {}

    /** A command line of a block and its 0-based line within the block. */
    record Command(int line, String text) {}

    static String block(ShellBlock block, Path cwdFile) {
        StringBuilder script = new StringBuilder("set -o pipefail\n");
        if (block.expectFail()) {
            return script.append(block.script()).toString();
        }
        for (Command command : commands(block.script())) {
            script.append(command.text())
                    .append("\n__rc=$?; if [ $__rc -ne 0 ]; then echo \"docs-test: ")
                    .append(block.document())
                    .append(':')
                    .append(block.line() + 1 + command.line())
                    .append(": exit $__rc\" >&2; exit $__rc; fi\n");
        }
        return script.append("pwd > '").append(cwdFile).append("'\n").toString();
    }

    /**
     * The command lines of {@code text}: lines joined over trailing backslashes, blanks dropped.
     */
    static List<Command> commands(String text) {
        List<Command> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String[] lines = text.split("\n");
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (current.isEmpty()) {
                start = i;
            }
            current.append(lines[i]);
            if (lines[i].endsWith("\\") && i + 1 < lines.length) {
                current.append('\n');
                continue;
            }
            String command = current.toString();
            current.setLength(0);
            if (!command.isBlank() && !command.strip().startsWith("#")) {
                commands.add(new Command(start, command));
            }
        }
        return commands;
    }
}
