package cirrus.aws.dynamodb;

import static cirrus.aws.dynamodb.StateTable.CLAIMED_AT;
import static cirrus.aws.dynamodb.StateTable.CREATED;
import static cirrus.aws.dynamodb.StateTable.EXECUTIONS;
import static cirrus.aws.dynamodb.StateTable.HASH_KEY;
import static cirrus.aws.dynamodb.StateTable.LAST_ERROR;
import static cirrus.aws.dynamodb.StateTable.OUTPUTS;
import static cirrus.aws.dynamodb.StateTable.RANGE_KEY;
import static cirrus.aws.dynamodb.StateTable.STATE_UPDATED;
import static cirrus.aws.dynamodb.StateTable.UPDATED;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.IsoTime;

/** Conversions between state-table items and {@link StateRecord}s. */
final class StateItems {
    private StateItems() {}

    /**
     * The range-key value standing for an id without item ids. cirrus v0.15.4 writes {@code ""},
     * which DynamoDB rejects for key attributes; {@code "/"} cannot come from a real item id list
     * (ids are non-empty and {@code /}-joined) and sorts before any text, as {@code ""} would.
     */
    static final String NO_ITEM_IDS = "/";

    static Map<String, AttributeValue> key(PayloadId id) {
        return Map.of(HASH_KEY, s(id.collectionsWorkflow()), RANGE_KEY, s(rangeKey(id.itemIds())));
    }

    static String rangeKey(String itemIds) {
        return itemIds.isEmpty() ? NO_ITEM_IDS : itemIds;
    }

    static String itemIds(String rangeKey) {
        return NO_ITEM_IDS.equals(rangeKey) ? "" : rangeKey;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    /** {@code <STATE>_<iso timestamp>}. */
    static String stateUpdated(WorkflowState state, String isoNow) {
        return state.name() + "_" + isoNow;
    }

    /**
     * The record of a stored item, or empty for an item without {@code state_updated}: v0.15.4's
     * {@code set_outputs} (and ours) creates one when a payload without a state item is published.
     * Such a payload has no state; readers skip it rather than fail a whole batch or listing.
     */
    static Optional<StateRecord> stated(Map<String, AttributeValue> item) {
        AttributeValue stateUpdated = item.get(STATE_UPDATED);
        if (stateUpdated == null || stateUpdated.s() == null) {
            return Optional.empty();
        }
        return Optional.of(toRecord(item));
    }

    /**
     * The record of a stored item.
     *
     * @throws StoreException when the item has no {@code state_updated} (written by something other
     *     than cirrus) or unparseable attributes
     */
    static StateRecord toRecord(Map<String, AttributeValue> item) {
        PayloadId id = PayloadId.fromKey(text(item, HASH_KEY), itemIds(text(item, RANGE_KEY)));
        String stateUpdated = text(item, STATE_UPDATED);
        if (stateUpdated == null) {
            throw new StoreException("state item " + id + " has no state_updated attribute");
        }
        int at = stateUpdated.indexOf('_');
        try {
            String created = text(item, CREATED);
            String updated = text(item, UPDATED);
            return new StateRecord(
                    id,
                    WorkflowState.ofStateUpdated(stateUpdated),
                    IsoTime.parse(stateUpdated.substring(at + 1)),
                    IsoTime.parse(created != null ? created : updated),
                    IsoTime.parse(updated),
                    list(item, EXECUTIONS),
                    list(item, OUTPUTS),
                    Optional.ofNullable(text(item, LAST_ERROR)),
                    Optional.ofNullable(text(item, CLAIMED_AT)).map(IsoTime::parse));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("state item " + id + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::s).toList();
    }
}
