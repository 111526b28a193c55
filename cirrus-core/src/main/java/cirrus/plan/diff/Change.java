package cirrus.plan.diff;

import java.util.Objects;

/**
 * One changed value of a resource's properties.
 *
 * <p>A <em>direct</em> change differs in the template text. A <em>derived</em> change has the same
 * text on both sides but a different value at deploy time, because it references a resource whose
 * {@code Ref} or attribute changes (a replaced compute environment, a new job-definition revision,
 * a new launch-template version); {@link #cause} says which.
 *
 * @param path property path, e.g. {@code ComputeResources.InstanceTypes}
 * @param before the old value, or {@link #ABSENT}
 * @param after the new value, or {@link #ABSENT}
 * @param cause for a derived change, why the value changes; {@code null} for a direct change
 */
public record Change(String path, Object before, Object after, String cause) {
    /** Marks a value that is not there on one side. */
    public enum Absent {
        VALUE;

        @Override
        public String toString() {
            return "(absent)";
        }
    }

    public static final Object ABSENT = Absent.VALUE;

    public Change {
        Objects.requireNonNull(path, "path");
    }

    public static Change direct(String path, Object before, Object after) {
        return new Change(path, before, after, null);
    }

    public static Change derived(String path, Object value, String cause) {
        return new Change(path, value, value, Objects.requireNonNull(cause, "cause"));
    }

    public boolean derived() {
        return cause != null;
    }

    public boolean added() {
        return before == ABSENT;
    }

    public boolean removed() {
        return after == ABSENT;
    }

    /** The top-level property this change is in ({@code ComputeResources}). */
    public String head() {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /** Whether the change is at {@code prefix} or below it. */
    public boolean under(String prefix) {
        return path.equals(prefix)
                || path.startsWith(prefix + ".")
                || path.startsWith(prefix + "[");
    }
}
