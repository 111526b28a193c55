package cirrus.validate.rule;

import java.util.Map;

import cirrus.validate.DeployedFunction;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;

/**
 * Quotas: the environment variables of a Lambda function total at most 4 KB (Lambda quotas). The
 * merged environment (provider, component and lambda) is measured as names plus values; values that
 * CloudFormation computes (!Ref, !Sub) count at their written length, so this is an estimate.
 */
public final class LambdaEnvironmentSizeRule implements Rule {
    static final int LIMIT = 4 * 1024;

    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedFunction f : project.functions()) {
            if (!(f.compiled().get("environment") instanceof Map<?, ?> env)) {
                continue;
            }
            int size = 0;
            for (Map.Entry<?, ?> e : env.entrySet()) {
                size += String.valueOf(e.getKey()).length() + String.valueOf(e.getValue()).length();
            }
            if (size > LIMIT) {
                findings.add(
                        f.definition()
                                .get("environment")
                                .or(f::lambda)
                                .orElse(f.definition())
                                .keyLocation(),
                        "the environment of function '"
                                + f.name()
                                + "' is about "
                                + size
                                + " bytes, over Lambda's 4 KB");
            }
        }
    }
}
