package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cirrus.diag.DiagnosticException;
import cirrus.project.CloudFormationObject;
import cirrus.validate.DeployedObject;
import cirrus.validate.ProjectView;

/**
 * The logical ids a reference in the compiled project can name: the declared resources, parameters,
 * conditions and mappings, CloudFormation's pseudo parameters, the ids the Serverless Framework and
 * serverless-step-functions generate for the functions and state machines of the compiled
 * configuration (listed in {@code docs/validation.md}), and, inside state machine definitions, the
 * names of the deployed functions.
 */
public final class LogicalIds {
    /** CloudFormation's pseudo parameters. */
    public static final Set<String> PSEUDO_PARAMETERS =
            Set.of(
                    "AWS::AccountId",
                    "AWS::NotificationARNs",
                    "AWS::NoValue",
                    "AWS::Partition",
                    "AWS::Region",
                    "AWS::StackId",
                    "AWS::StackName",
                    "AWS::URLSuffix");

    private final Set<String> resources = new LinkedHashSet<>();
    private final Set<String> parameters = new LinkedHashSet<>();
    private final Set<String> conditions = new LinkedHashSet<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private final Set<String> generated = new LinkedHashSet<>();
    private final List<String> generatedPrefixes = new ArrayList<>();

    private LogicalIds() {}

    /** The ids of {@code view} (shared through {@link ProjectView#analysis}). */
    public static LogicalIds of(ProjectView view) {
        return view.analysis(LogicalIds.class, LogicalIds::collect);
    }

    private static LogicalIds collect(ProjectView view) {
        LogicalIds ids = new LogicalIds();
        for (DeployedObject o : view.cloudFormation()) {
            switch (o.section()) {
                case RESOURCES -> ids.resources.add(o.name());
                case PARAMETERS -> ids.parameters.add(o.name());
                case CONDITIONS -> ids.conditions.add(o.name());
                default -> {}
            }
        }
        try {
            // the ids as declared: blue/green tasks deploy their Batch resources under revision
            // ids, while workflows keep naming the declared ones (the build rewrites them)
            for (CloudFormationObject o : view.project().cloudFormation()) {
                switch (o.section()) {
                    case RESOURCES -> ids.resources.add(o.name());
                    case PARAMETERS -> ids.parameters.add(o.name());
                    case CONDITIONS -> ids.conditions.add(o.name());
                    default -> {}
                }
            }
        } catch (DiagnosticException e) {
            // reported by the loader; rules that need every id do not run then
        }
        ServerlessVariables variables = new ServerlessVariables(view.serverless());
        GeneratedIds.add(view.serverless(), variables, ids.generated, ids.generatedPrefixes);
        if (view.serverless().get("functions") instanceof Map<?, ?> fns) {
            fns.keySet().forEach(k -> ids.functions.add(String.valueOf(k)));
        }
        return ids;
    }

    /** Whether {@code id} is a declared or generated resource. */
    public boolean isResource(String id) {
        return resources.contains(id) || isGenerated(id);
    }

    /** Whether {@code id} is one the Serverless Framework or its plugins generate. */
    public boolean isGenerated(String id) {
        if (generated.contains(id)) {
            return true;
        }
        for (String prefix : generatedPrefixes) {
            if (id.startsWith(prefix) && id.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code Ref: id} resolves (in a state machine definition when {@code inDefinition}).
     */
    public boolean refResolves(String id, boolean inDefinition) {
        return isResource(id)
                || parameters.contains(id)
                || PSEUDO_PARAMETERS.contains(id)
                || (inDefinition && functions.contains(id));
    }

    /** Whether {@code Fn::GetAtt: [id, …]} resolves. */
    public boolean getAttResolves(String id, boolean inDefinition) {
        return isResource(id) || (inDefinition && functions.contains(id));
    }

    /** Whether {@code id} is the name of a deployed function. */
    public boolean isFunction(String id) {
        return functions.contains(id);
    }

    /**
     * The logical id Serverless gives the function {@code name} ({@code
     * PreDashbatchLambdaFunction}).
     */
    public static String functionLogicalId(String name) {
        return GeneratedIds.normalized(name) + "LambdaFunction";
    }

    public boolean isCondition(String id) {
        return conditions.contains(id);
    }

    /** The names a misspelt reference may have meant. */
    public Set<String> candidates(boolean inDefinition, boolean withParameters) {
        Set<String> all = new LinkedHashSet<>(resources);
        if (withParameters) {
            all.addAll(parameters);
            all.addAll(PSEUDO_PARAMETERS);
        }
        if (inDefinition) {
            all.addAll(functions);
        }
        return all;
    }

    public Set<String> conditions() {
        return Set.copyOf(conditions);
    }
}
