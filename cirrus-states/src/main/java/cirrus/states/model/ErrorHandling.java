package cirrus.states.model;

import java.util.List;

/**
 * The {@code Retry} and {@code Catch} fields of a Task, Parallel or Map state.
 *
 * @param retriers in order; the first matching one applies
 * @param catchers in order; the first matching one applies once retries are exhausted
 */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
    /** Neither Retry nor Catch. */
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    public ErrorHandling {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }
}
