package cirrus.validate.rule;

import java.time.LocalDate;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.FunctionRuntimes;
import cirrus.validate.analysis.LambdaRuntimeTable;

/**
 * A function runs on a runtime AWS Lambda has deprecated (no more security patches) but still lets
 * you create functions with, by the bundled deprecation table and the validation's "today".
 */
public final class DeprecatedRuntimeRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LocalDate today = project.options().today();
        for (FunctionRuntimes.Entry f : FunctionRuntimes.of(project)) {
            LambdaRuntimeTable.bundled()
                    .dates(f.runtime())
                    .filter(d -> !today.isBefore(d.deprecated()) && today.isBefore(d.blockCreate()))
                    .ifPresent(
                            d ->
                                    findings.add(
                                            f.location(),
                                            f.what()
                                                    + " runs on "
                                                    + d.runtime()
                                                    + ", deprecated by AWS Lambda on "
                                                    + d.deprecated()
                                                    + "; creating functions with it is blocked"
                                                    + " from "
                                                    + d.blockCreate()));
        }
    }
}
