package cirrus.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python requirements of one Lambda: its own {@code lambda.pythonRequirements.include} plus the
 * project's global ones, sorted and de-duplicated as text (cirrus v0.15.4 does {@code
 * sorted(set(...))}), then checked for two entries naming the same package, which upstream refuses
 * because it does not resolve version conflicts.
 */
public final class Requirements {
    /** The project name at the start of a PEP 508 requirement. */
    private static final Pattern NAME =
            Pattern.compile(
                    "\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(.*)", Pattern.DOTALL);

    /** What may follow the name: extras, a version specifier, a URL, markers. */
    private static final Pattern REST =
            Pattern.compile("(?:\\[[^\\]]*\\])?\\s*(?:[<>=!~;@(].*)?", Pattern.DOTALL);

    private Requirements() {}

    /** The sorted union, ordered by code point as Python sorts strings. */
    public static List<String> merge(Collection<String> own, Collection<String> global) {
        TreeSet<String> all = new TreeSet<>(Requirements::compareCodePoints);
        all.addAll(own);
        all.addAll(global);
        return new ArrayList<>(all);
    }

    /** The requirements file cirrus writes into a Lambda directory. */
    public static String fileContent(List<String> requirements) {
        return String.join("\n", requirements) + "\n";
    }

    /** The project name of a requirement, if it is a valid PEP 508 requirement. */
    public static Optional<String> projectName(String requirement) {
        Matcher m = NAME.matcher(requirement);
        if (!m.matches() || !REST.matcher(m.group(2)).matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    /**
     * The first package named twice (compared as written, as upstream compares them), if any.
     *
     * @param requirements a merged list, see {@link #merge}
     */
    public static Optional<String> firstDuplicate(List<String> requirements) {
        Set<String> seen = new HashSet<>();
        for (String requirement : requirements) {
            Optional<String> name = projectName(requirement);
            if (name.isPresent() && !seen.add(name.get())) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** The upstream explanation printed with a duplicate requirement (typos included). */
    public static String duplicateExplanation(List<String> requirements) {
        return "At this time cirrus does not support verison conflict resolution.\n"
                + "Please review the requirements keeping in mind those for cirrus-lib.\n"
                + "See https://github.com/cirrus-geo/cirrus-geo/issues/106 for context.\n\n"
                + "Full requirements list:\n"
                + String.join("\n", requirements);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
