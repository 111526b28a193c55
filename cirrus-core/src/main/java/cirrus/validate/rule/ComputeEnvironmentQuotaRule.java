package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;

/**
 * Quotas: an account has at most 50 compute environments per Region (AWS Batch service quotas, not
 * adjustable), counting those other stacks already have ({@code --account-usage}). The 51st fails
 * to create, mid-deploy.
 */
public final class ComputeEnvironmentQuotaRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        BatchQuota.check(
                project,
                Batch.of(project).environments().values(),
                project.options().computeEnvironmentsInAccount(),
                "compute environments",
                findings);
    }
}
