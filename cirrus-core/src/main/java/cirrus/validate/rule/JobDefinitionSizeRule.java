package cirrus.validate.rule;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.JsonSize;

/**
 * Batch: RegisterJobDefinition accepts at most 24 KiB (AWS Batch service quotas). The size is
 * measured on the compiled job definition (with the environment cirrus injects) as JSON, before
 * CloudFormation resolves its intrinsic functions.
 */
public final class JobDefinitionSizeRule implements Rule {
    static final long LIMIT = 24 * 1024;

    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedObject jd : Batch.of(project).jobDefinitions().values()) {
            long size = JsonSize.of(jd.properties());
            if (size > LIMIT) {
                findings.add(
                        jd.node().keyLocation(),
                        "job definition '"
                                + jd.name()
                                + "' is about "
                                + JsonSize.kib(size)
                                + " as JSON, over the 24 KiB limit");
            }
        }
    }
}
