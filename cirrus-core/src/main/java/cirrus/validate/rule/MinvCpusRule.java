package cirrus.validate.rule;

import java.util.List;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;

/**
 * Batch: a compute environment keeps MinvCpus worth of instances running at all times; "this
 * parameter can add significant idle costs and is not recommended unless strictly required" (cirrus
 * docs, Batch tasks: compute resources).
 */
public final class MinvCpusRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        Batch batch = Batch.of(project);
        for (DeployedObject ce : batch.environments().values()) {
            ce.node()
                    .at(List.of("Properties", "ComputeResources", "MinvCpus"))
                    .ifPresent(
                            min ->
                                    batch.variables()
                                            .resolveNumber(min.value())
                                            .filter(v -> v > 0)
                                            .ifPresent(
                                                    v ->
                                                            findings.add(
                                                                    min.location(),
                                                                    "compute environment '"
                                                                            + ce.name()
                                                                            + "' keeps "
                                                                            + (long) (double) v
                                                                            + " vCPUs running when idle (MinvCpus)")));
        }
    }
}
