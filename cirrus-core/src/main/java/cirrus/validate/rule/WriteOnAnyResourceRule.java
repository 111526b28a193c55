package cirrus.validate.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.IamStatements;
import cirrus.validate.source.Node;

/**
 * IAM: an Allow statement that grants write actions on {@code Resource: '*'} lets the function or
 * job change every resource of those services in the account. Read-only actions (Get, List,
 * Describe, Query, Scan, …) and the few actions AWS does not scope to resources (the network
 * interface actions a Lambda in a VPC needs, X-Ray and CloudWatch metric writes) are exempt.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html">IAM best
 *     practices</a>
 */
public final class WriteOnAnyResourceRule implements Rule {
    private static final List<String> READ_VERBS =
            List.of(
                    "get",
                    "list",
                    "describe",
                    "batchget",
                    "query",
                    "scan",
                    "select",
                    "search",
                    "lookup",
                    "view",
                    "head",
                    "check");

    /** Actions that take no resource-level permissions: '*' is the only choice. */
    private static final Set<String> UNSCOPED =
            Set.of(
                    "ec2:createnetworkinterface",
                    "ec2:describenetworkinterfaces",
                    "ec2:deletenetworkinterface",
                    "ec2:assignprivateipaddresses",
                    "ec2:unassignprivateipaddresses",
                    "xray:puttracesegments",
                    "xray:puttelemetryrecords",
                    "cloudwatch:putmetricdata");

    @Override
    public void check(ProjectView project, Findings findings) {
        for (IamStatements.Statement s : IamStatements.of(project).all()) {
            Node any =
                    s.resources().stream()
                            .filter(r -> ((String) r.value()).trim().equals("*"))
                            .findFirst()
                            .orElse(null);
            if (any == null) {
                continue;
            }
            List<String> writes = new ArrayList<>();
            for (Node action : s.actions()) {
                String a = ((String) action.value()).trim();
                if (isWrite(a)) {
                    writes.add(a);
                }
            }
            if (!writes.isEmpty()
                    && writes.stream().noneMatch(w -> w.equals("*") || w.equals("*:*"))) {
                findings.add(
                        any.location(),
                        "a statement of "
                                + s.owner()
                                + " allows "
                                + String.join(", ", writes)
                                + " on every resource");
            }
        }
    }

    static boolean isWrite(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (UNSCOPED.contains(a)) {
            return false;
        }
        int colon = a.indexOf(':');
        String verb = colon < 0 ? a : a.substring(colon + 1);
        for (String read : READ_VERBS) {
            if (verb.startsWith(read)) {
                return false;
            }
        }
        return true;
    }
}
