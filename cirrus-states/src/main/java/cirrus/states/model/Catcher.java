package cirrus.states.model;

import java.util.List;

import cirrus.states.ErrorNames;
import cirrus.states.ErrorSource;
import cirrus.states.path.ReferencePath;

/**
 * A Catcher: on a matching error (after retries), go to {@code next} with the Error Output placed
 * by {@code resultPath} into the state's input.
 *
 * @param errorEquals the error names it matches
 * @param next the state to go to
 * @param resultPath where to put {@code {"Error", "Cause"}} (default {@code $}); null discards it
 * @see <a href="https://states-language.net/spec.html#fallback-states">Fallback states</a>
 */
public record Catcher(List<String> errorEquals, String next, ReferencePath resultPath) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }

    /** Whether the catcher handles the error. */
    public boolean matches(String error, ErrorSource source) {
        for (String name : errorEquals) {
            if (ErrorNames.matches(name, error, source)) {
                return true;
            }
        }
        return false;
    }
}
