package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cirrus.validate.DeployedFunction;
import cirrus.validate.DeployedObject;
import cirrus.validate.ProjectView;
import cirrus.validate.source.Node;

/**
 * The Allow statements of the identity policies the project deploys: each function's {@code
 * lambda.iamRoleStatements}, the provider's {@code iamRoleStatements} and {@code
 * iam.role.statements}, and the policies of {@code AWS::IAM::Role}, {@code AWS::IAM::Policy} and
 * {@code AWS::IAM::ManagedPolicy} resources. Trust policies ({@code AssumeRolePolicyDocument}) are
 * not identity policies and are left out.
 */
public final class IamStatements {
    private static final Set<String> POLICY_TYPES =
            Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy");

    /**
     * One Allow statement.
     *
     * @param node the statement
     * @param owner what it belongs to, for messages ({@code function 'x'}, {@code role 'R'})
     */
    public record Statement(Node node, String owner) {
        /** The actions (strings) it allows. */
        public List<Node> actions() {
            return strings(node.get("Action").orElse(null));
        }

        /** The resources (strings) it names. */
        public List<Node> resources() {
            return strings(node.get("Resource").orElse(null));
        }

        private static List<Node> strings(Node n) {
            if (n == null) {
                return List.of();
            }
            return n.itemsOrSelf().stream().filter(i -> i.value() instanceof String).toList();
        }
    }

    private final List<Statement> statements = new ArrayList<>();

    private IamStatements() {}

    /** The statements of {@code view} (shared through {@link ProjectView#analysis}). */
    public static IamStatements of(ProjectView view) {
        return view.analysis(IamStatements.class, IamStatements::collect);
    }

    public List<Statement> all() {
        return statements;
    }

    private static IamStatements collect(ProjectView view) {
        IamStatements s = new IamStatements();
        for (DeployedFunction f : view.functions()) {
            f.lambda()
                    .flatMap(l -> l.get("iamRoleStatements"))
                    .ifPresent(list -> s.add(list, "function '" + f.name() + "'"));
        }
        view.config()
                .flatMap(c -> c.get("provider"))
                .ifPresent(
                        p -> {
                            p.get("iamRoleStatements")
                                    .ifPresent(list -> s.add(list, "the provider"));
                            p.at(List.of("iam", "role", "statements"))
                                    .ifPresent(list -> s.add(list, "the provider"));
                        });
        for (DeployedObject o : view.resources()) {
            if (o.is("AWS::IAM::Role")) {
                for (Node policy :
                        o.node()
                                .at(List.of("Properties", "Policies"))
                                .map(Node::items)
                                .orElse(List.of())) {
                    policy.at(List.of("PolicyDocument", "Statement"))
                            .ifPresent(list -> s.add(list, "role '" + o.name() + "'"));
                }
            } else if (o.type().map(POLICY_TYPES::contains).orElse(false)) {
                o.node()
                        .at(List.of("Properties", "PolicyDocument", "Statement"))
                        .ifPresent(list -> s.add(list, "policy '" + o.name() + "'"));
            }
        }
        return s;
    }

    private void add(Node list, String owner) {
        for (Node statement : list.itemsOrSelf()) {
            if (statement.isMap()
                    && "Allow"
                            .equals(
                                    statement.value() instanceof java.util.Map<?, ?> m
                                            ? m.get("Effect")
                                            : null)) {
                statements.add(new Statement(statement, owner));
            }
        }
    }
}
