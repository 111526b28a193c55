package cirrus.plan;

import java.util.Locale;

/**
 * What CloudFormation does to a resource in the deploy being planned. Ordered by weight: a
 * resource's overall action is the heaviest action of its findings.
 */
public enum Action {
    /** Nothing is done to the resource itself (advice about consequences). */
    NONE("no change"),
    /** Updated in place with the same physical id. */
    UPDATE("update in place"),
    /** A job definition update: a new revision with a new ARN is registered. */
    NEW_REVISION("new job-definition revision"),
    /** A compute environment update that replaces its instances (status UPDATING). */
    INFRASTRUCTURE_UPDATE("infrastructure update"),
    /** A new resource with a new physical id is created and the old one deleted at cleanup. */
    REPLACEMENT("replacement"),
    /** A new resource is created. */
    CREATE("create"),
    /** The resource is deleted. */
    DELETE("delete");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    /** How the action is printed in plans. */
    public String label() {
        return label;
    }

    /** The identifier used in JSON output ({@code new-revision}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Action max(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
