package cirrus.states.model;

import cirrus.states.path.Path;
import cirrus.states.path.PayloadTemplate;
import cirrus.states.path.ReferencePath;

/**
 * A state's input and output processing: {@code InputPath}, {@code Parameters}, {@code
 * ResultSelector}, {@code ResultPath}, {@code OutputPath}. A null path stands for the JSON {@code
 * null} a definition may give (discard: {@code {}} for InputPath/OutputPath, keep the input for
 * ResultPath); an absent field has its default ({@code $}). A null template means the field is
 * absent.
 *
 * @see <a href="https://states-language.net/spec.html#filters">Input and Output Processing</a>
 */
public record DataFlow(
        Path inputPath,
        PayloadTemplate parameters,
        PayloadTemplate resultSelector,
        ReferencePath resultPath,
        Path outputPath) {

    /** No processing: everything at its default. */
    public static final DataFlow DEFAULT =
            new DataFlow(Path.ROOT, null, null, ReferencePath.ROOT, Path.ROOT);
}
