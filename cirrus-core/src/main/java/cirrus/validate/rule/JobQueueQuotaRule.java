package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;

/**
 * Quotas: an account has at most 50 job queues per Region (AWS Batch service quotas, not
 * adjustable), counting those other stacks already have ({@code --account-usage}).
 */
public final class JobQueueQuotaRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        BatchQuota.check(
                project,
                Batch.of(project).queues().values(),
                project.options().jobQueuesInAccount(),
                "job queues",
                findings);
    }
}
