package cirrus.plan.bluegreen;

import java.util.Optional;
import java.util.Set;

/**
 * The two copies of a blue/green Batch resource: revision A and revision B, told apart by a {@code
 * RevA}/{@code RevB} suffix on logical ids and {@code -RevA}/{@code -RevB} on physical names.
 * Changes alternate between the two, so the live revision is never updated.
 */
public enum Revision {
    A,
    B;

    /** The logical-id suffix, {@code RevA}. */
    public String suffix() {
        return "Rev" + name();
    }

    /** The physical-name suffix, {@code -RevA}. */
    public String nameSuffix() {
        return "-" + suffix();
    }

    public Revision other() {
        return this == A ? B : A;
    }

    /** {@code stem + RevA}. */
    public String id(String stem) {
        return stem + suffix();
    }

    /** The revision a logical id carries, if any. */
    public static Optional<Revision> of(String logicalId) {
        for (Revision r : values()) {
            if (logicalId.endsWith(r.suffix()) && logicalId.length() > r.suffix().length()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The logical id without its revision suffix. */
    public static String stem(String logicalId) {
        return of(logicalId)
                .map(r -> logicalId.substring(0, logicalId.length() - r.suffix().length()))
                .orElse(logicalId);
    }

    /**
     * Whether removing {@code logicalId} retires a blue/green revision: it carries a revision and
     * its other revision is in {@code remaining}.
     */
    public static boolean retired(String logicalId, Set<String> remaining) {
        return of(logicalId)
                .map(r -> remaining.contains(r.other().id(stem(logicalId))))
                .orElse(false);
    }
}
