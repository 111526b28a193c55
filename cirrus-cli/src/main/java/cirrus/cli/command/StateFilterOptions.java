package cirrus.cli.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cirrus.runtime.operate.PayloadFilter;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.Since;

import picocli.CommandLine.Option;

/**
 * The feed-rerun filters shared by {@code cirrus payload list} and {@code cirrus payload rerun}:
 * state, age, error prefix and a limit, in the parameter names of the local API.
 */
final class StateFilterOptions {
    @Option(
            names = "--state",
            description = "PROCESSING, COMPLETED, FAILED, INVALID, ABORTED or CLAIMED.")
    String state;

    @Option(names = "--since", description = "Updated within, e.g. 2d, 6h, 30m.")
    String since;

    @Option(names = "--error-begins-with", description = "Only items whose last error starts so.")
    String errorBeginsWith;

    @Option(names = "--limit", description = "At most this many items.")
    Integer limit;

    /**
     * The filters as a read-model filter over {@code collections} and {@code workflow} when given.
     */
    PayloadFilter toFilter(String collections, String workflow) {
        PayloadFilter f = PayloadFilter.all();
        if (collections != null) {
            f = f.withCollections(collections);
        }
        if (workflow != null) {
            f = f.withWorkflow(workflow);
        }
        if (state != null) {
            try {
                f = f.withState(WorkflowState.valueOf(state.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown state '"
                                + state
                                + "' (expected PROCESSING, COMPLETED, FAILED, INVALID, ABORTED or CLAIMED)");
            }
        }
        if (since != null) {
            f = f.withSince(Since.parse(since));
        }
        if (errorBeginsWith != null) {
            f = f.withErrorBeginsWith(errorBeginsWith);
        }
        if (limit != null) {
            if (limit < 1) {
                throw new IllegalArgumentException("--limit must be at least 1");
            }
            f = f.withLimit(limit);
        }
        return f;
    }

    /** Whether a filter that selects items (not just workflows) was given. */
    boolean selectsItems() {
        return state != null || errorBeginsWith != null;
    }

    /** The filters that were given, as API parameters (state upper-cased), in a stable order. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (state != null) {
            p.put("state", state.toUpperCase(Locale.ROOT));
        }
        if (since != null) {
            p.put("since", since);
        }
        if (errorBeginsWith != null) {
            p.put("error_begins_with", errorBeginsWith);
        }
        if (limit != null) {
            p.put("limit", limit.toString());
        }
        return p;
    }
}
