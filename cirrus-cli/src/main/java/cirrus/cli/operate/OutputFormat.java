package cirrus.cli.operate;

import picocli.CommandLine.Option;

/** {@code -o/--output text|json}. */
public final class OutputFormat {
    /** The formats. */
    public enum Format {
        text,
        json
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "text (default) or json.")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }
}
