package cirrus.project;

import java.util.List;
import java.util.Optional;

/**
 * The four kinds of component a project directory can hold, in the order cirrus registers them
 * (Function, Feeder, Task, Workflow; CloudFormation objects follow them, see {@link
 * CloudFormationSection}).
 *
 * <p>Each kind has a singular name used by {@code cirrus create <type>} and in messages, a group
 * name that is both the directory under the project and the {@code cirrus show <group>} command,
 * and the files a component of that kind declares (shown by {@code show <group> NAME}).
 */
public enum ComponentType {
    FUNCTION("function", "functions", "Function", true),
    FEEDER("feeder", "feeders", "Feeder", true),
    TASK("task", "tasks", "Task", true),
    WORKFLOW("workflow", "workflows", "Workflow", false);

    private final String typeName;
    private final String groupName;
    private final String title;
    private final boolean lambda;

    ComponentType(String typeName, String groupName, String title, boolean lambda) {
        this.typeName = typeName;
        this.groupName = groupName;
        this.title = title;
        this.lambda = lambda;
    }

    /** Singular lower-case name: {@code task}; used by {@code create} and in messages. */
    public String typeName() {
        return typeName;
    }

    /** Plural name: {@code tasks}; the directory under a project or plugin, and the show group. */
    public String groupName() {
        return groupName;
    }

    /** Capitalised name used in some upstream messages: {@code Cannot create Task at …}. */
    public String title() {
        return title;
    }

    /** True for the kinds deployed as an AWS Lambda function (functions, feeders, tasks). */
    public boolean isLambdaBased() {
        return lambda;
    }

    /** The files a component declares, in display order: key and file name. */
    public List<ComponentFile> files() {
        return lambda ? ComponentFile.LAMBDA_FILES : ComponentFile.WORKFLOW_FILES;
    }

    /** The type whose {@link #typeName()} or {@link #groupName()} is {@code name}, if any. */
    public static Optional<ComponentType> byName(String name) {
        for (ComponentType t : values()) {
            if (t.typeName.equals(name) || t.groupName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
