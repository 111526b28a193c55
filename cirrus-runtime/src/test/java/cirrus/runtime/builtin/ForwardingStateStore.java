package cirrus.runtime.builtin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.ClaimResult;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StatePage;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;

/** A state store that forwards every call; tests override one method to inject a race. */
class ForwardingStateStore implements StateStore {
    protected final StateStore delegate;

    ForwardingStateStore(StateStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<StateRecord> get(PayloadId id) {
        return delegate.get(id);
    }

    @Override
    public Map<PayloadId, StateRecord> getAll(Collection<PayloadId> ids) {
        return delegate.getAll(ids);
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        return delegate.claim(request);
    }

    @Override
    public boolean markProcessing(PayloadId id) {
        return delegate.markProcessing(id);
    }

    @Override
    public void setProcessing(PayloadId id, String executionArn) {
        delegate.setProcessing(id, executionArn);
    }

    @Override
    public void setOutputs(PayloadId id, List<String> outputs) {
        delegate.setOutputs(id, outputs);
    }

    @Override
    public void setCompleted(PayloadId id, Optional<List<String>> outputs) {
        delegate.setCompleted(id, outputs);
    }

    @Override
    public void setFailed(PayloadId id, String error) {
        delegate.setFailed(id, error);
    }

    @Override
    public void setInvalid(PayloadId id, String error) {
        delegate.setInvalid(id, error);
    }

    @Override
    public void setAborted(PayloadId id) {
        delegate.setAborted(id);
    }

    @Override
    public void delete(PayloadId id) {
        delegate.delete(id);
    }

    @Override
    public StatePage query(StateQuery query, int limit, Optional<PayloadId> nextKey) {
        return delegate.query(query, limit, nextKey);
    }

    @Override
    public StateCount count(StateQuery query, OptionalLong limit) {
        return delegate.count(query, limit);
    }
}
