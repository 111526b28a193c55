package cirrus.local.model;

import java.util.Optional;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return locally for a logical id (a resource, a function,
 * a parameter or a pseudo-parameter such as {@code AWS::Region}).
 */
interface References {
    /** The value of {@code Ref: logicalId}; empty when nothing has that logical id. */
    Optional<Object> ref(String logicalId);

    /** The value of {@code Fn::GetAtt: [logicalId, attribute]}; empty for an unknown id. */
    Optional<Object> getAtt(String logicalId, String attribute);
}
