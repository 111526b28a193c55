package cirrus.validate.rule;

import java.time.LocalDate;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.FunctionRuntimes;
import cirrus.validate.analysis.LambdaRuntimeTable;

/**
 * A function runs on a runtime AWS Lambda no longer lets anyone create functions with (a fresh
 * deployment fails), by the bundled deprecation table and the validation's "today". Only {@code
 * cirrus validate} reports it: a build of the project still succeeds.
 */
public final class BlockedRuntimeRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LocalDate today = project.options().today();
        for (FunctionRuntimes.Entry f : FunctionRuntimes.of(project)) {
            LambdaRuntimeTable.bundled()
                    .dates(f.runtime())
                    .filter(d -> !today.isBefore(d.blockCreate()))
                    .ifPresent(
                            d ->
                                    findings.add(
                                            f.location(),
                                            f.what()
                                                    + " runs on "
                                                    + d.runtime()
                                                    + ": AWS Lambda blocks creating functions with"
                                                    + " it since "
                                                    + d.blockCreate()
                                                    + (today.isBefore(d.blockUpdate())
                                                            ? " and updating them from "
                                                            : " and updating them since ")
                                                    + d.blockUpdate()));
        }
    }
}
