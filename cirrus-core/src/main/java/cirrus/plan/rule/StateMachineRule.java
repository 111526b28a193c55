package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * A state machine that references Batch resources is updated in place when its definition changes
 * or when a job definition or queue it references gets a new ARN. Running executions keep the
 * previous definition; the risk of that lies with the job definition (row 1).
 */
final class StateMachineRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED) {
            return List.of();
        }
        List<Change> renamed =
                change.changes(c -> c.path().equals("name") || c.path().equals("StateMachineName"));
        if (!renamed.isEmpty()) {
            return List.of(
                    Finding.about(change.logicalId(), change.type())
                            .rule("sm-rename", 0)
                            .action(Action.REPLACEMENT)
                            .risk(Risk.BREAKING)
                            .paths(Wording.paths(change.changes()))
                            .why(
                                    "the state machine's name changes: replacement, a new state"
                                            + " machine with a new ARN")
                            .impact(
                                    "the old one is deleted: its running executions are"
                                            + " terminated at their next state transition; cirrus"
                                            + " starts executions by state machine name")
                            .strategy(
                                    "keep the name; or add the renamed workflow next to the old"
                                            + " one and remove the old one once drained")
                            .sources(Source.SFN_DEL)
                            .build());
        }
        List<Change> derived = change.changes(Change::derived);
        List<Change> direct = change.changes(c -> !c.derived());
        StringBuilder why = new StringBuilder();
        if (!direct.isEmpty()) {
            why.append(Wording.pathList(direct))
                    .append(Wording.verb(direct, " changes", " change"));
        }
        if (!derived.isEmpty()) {
            if (why.length() > 0) {
                why.append("; ");
            }
            List<String> causes = derived.stream().map(Change::cause).distinct().toList();
            why.append("the values of its references change (")
                    .append(Wording.list(causes))
                    .append(')');
        }
        return List.of(
                Finding.about(change.logicalId(), change.type())
                        .rule("sm-update", 0)
                        .action(Action.UPDATE)
                        .risk(Risk.INFO)
                        .paths(Wording.paths(change.changes()))
                        .why(why + ": the state machine is updated in place")
                        .impact(
                                "running executions keep the previous definition and its"
                                        + " references; executions started after the update use"
                                        + " the new one")
                        .strategy("see the Batch resources it references")
                        .sources(Source.SFN_UPD)
                        .build());
    }
}
