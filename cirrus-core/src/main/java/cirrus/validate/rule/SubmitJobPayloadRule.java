package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.JsonSize;
import cirrus.validate.source.Node;

/**
 * Batch: a SubmitJob request carries at most 30 KiB (AWS Batch service quotas). A Batch step that
 * passes the payload itself ({@code $}, {@code $.features}, {@code $.process}) rather than the
 * {@code url} pre-batch returns fails as soon as a payload grows past that; so does a step whose
 * static parameters are already larger.
 */
public final class SubmitJobPayloadRule implements Rule {
    static final long LIMIT = 30 * 1024;

    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            Node parameters = step.parameters();
            long size = JsonSize.of(parameters.value());
            if (size > LIMIT) {
                findings.add(
                        parameters.location(),
                        "Batch step '"
                                + step.state().name()
                                + "' submits about "
                                + JsonSize.kib(size)
                                + ", over the 30 KiB SubmitJob limit");
            }
            dynamic(parameters, step, findings);
        }
    }

    /**
     * Reports every {@code "x.$": path} under the parameters whose path selects payload content.
     */
    private static void dynamic(Node node, Batch.Step step, Findings findings) {
        for (Node child : node.entries()) {
            String key = child.name().orElse("");
            if (key.endsWith(".$")
                    && child.value() instanceof String path
                    && selectsPayload(path)) {
                findings.add(
                        child.location(),
                        "Batch step '"
                                + step.state().name()
                                + "' passes payload content ('"
                                + key
                                + "': "
                                + path
                                + ") to SubmitJob, which accepts 30 KiB");
            } else if (child.isMap()) {
                dynamic(child, step, findings);
            } else if (child.isList()) {
                for (Node item : child.items()) {
                    dynamic(item, step, findings);
                }
            }
        }
    }

    static boolean selectsPayload(String path) {
        String p = path.replace(" ", "");
        return p.equals("$")
                || p.startsWith("$.features")
                || p.startsWith("$.process")
                || p.contains("($)")
                || p.contains("($.features")
                || p.contains("($.process");
    }
}
