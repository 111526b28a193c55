package cirrus.validate.rule;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;

/**
 * IAM: a container job definition without {@code JobRoleArn} runs with the permissions of the
 * compute environment's instance role, shared by every job on the instance; cirrus' Batch docs and
 * cirrus-geo#149 recommend a job role per task with only what the job needs.
 */
public final class JobRoleRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedObject jd : Batch.of(project).jobDefinitions().values()) {
            boolean container =
                    jd.properties().get("ContainerProperties") instanceof java.util.Map<?, ?>;
            if (container && Batch.container(jd).get("JobRoleArn").isEmpty()) {
                findings.add(
                        jd.node().keyLocation(),
                        "job definition '"
                                + jd.name()
                                + "' has no JobRoleArn and runs with the instance role");
            }
        }
    }
}
