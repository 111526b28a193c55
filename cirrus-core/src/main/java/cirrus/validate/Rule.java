package cirrus.validate;

/**
 * One check of a project, registered in {@link RuleCatalog} under one stable code. A rule looks at
 * the project (its model, compiled tree and source files, all through {@link ProjectView}) and
 * reports what it finds; it must not throw on malformed input: anything it cannot interpret is left
 * to the rule that checks that shape.
 */
@FunctionalInterface
public interface Rule {
    /** Checks {@code project}, adding a finding for each problem. */
    void check(ProjectView project, Findings findings);
}
