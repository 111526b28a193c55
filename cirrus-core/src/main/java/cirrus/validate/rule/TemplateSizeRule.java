package cirrus.validate.rule;

import java.util.Map;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.JsonSize;

/**
 * Quotas: CloudFormation accepts a template of at most 1 MB (from S3, where Serverless uploads it).
 * The lower bound measured here is the JSON of the declared resources and outputs plus the state
 * machine definitions embedded in it.
 */
public final class TemplateSizeRule implements Rule {
    static final long LIMIT = 1024 * 1024;

    @Override
    public void check(ProjectView project, Findings findings) {
        long size = JsonSize.of(project.serverless().get("resources"));
        if (project.serverless().get("stepFunctions") instanceof Map<?, ?> sf) {
            size += JsonSize.of(sf.get("stateMachines"));
        }
        if (size > LIMIT) {
            findings.add(
                    project.config().map(c -> c.location()).orElse(null),
                    "the CloudFormation template would be at least "
                            + JsonSize.mb(size)
                            + ", over the 1 MB CloudFormation accepts");
        }
    }
}
