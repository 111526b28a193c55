package cirrus.runtime.operate;

import java.util.List;

/**
 * The {@code collections_workflow} keys that have items (locally a {@code DISTINCT} query; on
 * DynamoDB a key-only scan, since hash keys cannot be listed otherwise).
 */
@FunctionalInterface
public interface StateKeys {
    /** The keys the filter selects, sorted. */
    List<String> keys(PayloadFilter filter);
}
