package cirrus.validate.rule;

import java.util.List;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.source.Node;

/**
 * Quotas: a job queue orders at most 3 compute environments (AWS Batch service quotas: "Maximum
 * number of compute environments for each job queue: 3").
 */
public final class EnvironmentsPerQueueRule implements Rule {
    static final int LIMIT = 3;

    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedObject queue : Batch.of(project).queues().values()) {
            queue.node()
                    .at(List.of("Properties", "ComputeEnvironmentOrder"))
                    .filter(Node::isList)
                    .filter(order -> order.items().size() > LIMIT)
                    .ifPresent(
                            order ->
                                    findings.add(
                                            order.location(),
                                            "job queue '"
                                                    + queue.name()
                                                    + "' orders "
                                                    + order.items().size()
                                                    + " compute environments; AWS Batch allows "
                                                    + LIMIT));
        }
    }
}
