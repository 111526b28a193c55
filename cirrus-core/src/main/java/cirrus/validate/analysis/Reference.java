package cirrus.validate.analysis;

import cirrus.validate.source.Node;

/**
 * One reference from a deployed element to a logical id.
 *
 * @param kind how it refers
 * @param target the logical id (for {@code Fn::GetAtt} and {@code ${X.Attr}}, the part before the
 *     dot)
 * @param node where it is written
 * @param inDefinition whether it is inside a state machine {@code definition}, where
 *     serverless-step-functions also resolves the names of functions ({@code !GetAtt publish.Arn})
 *     and {@code #{X}} placeholders
 */
public record Reference(Kind kind, String target, Node node, boolean inDefinition) {
    /** The ways to refer to a logical id. */
    public enum Kind {
        /** {@code Ref: X}. */
        REF,
        /** {@code Fn::GetAtt: [X, Attr]}. */
        GET_ATT,
        /** {@code ${X}} or {@code ${X.Attr}} in an {@code Fn::Sub} template. */
        SUB,
        /** {@code #{X}} in a string. */
        PLACEHOLDER,
        /** {@code DependsOn: X} (or serverless-step-functions' {@code dependsOn}). */
        DEPENDS_ON,
        /** {@code Condition: X} or the condition of an {@code Fn::If}. */
        CONDITION
    }
}
