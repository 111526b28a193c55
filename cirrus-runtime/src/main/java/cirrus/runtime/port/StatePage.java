package cirrus.runtime.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cirrus.runtime.payload.PayloadId;

/**
 * One page of a {@link StateQuery}.
 *
 * @param items the items of the page, in query order
 * @param nextKey the payload id to pass as {@code nextKey} for the following page; empty on the
 *     last page
 */
public record StatePage(List<StateRecord> items, Optional<PayloadId> nextKey) {
    public StatePage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextKey, "nextKey");
    }
}
