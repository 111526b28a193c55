package cirrus.states.choice;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comparison operators of a data-test Choice Rule. Each comparison operator also exists with a
 * {@code Path} suffix, whose operand is a path into the state's input instead of a literal.
 *
 * @see <a
 *     href="https://states-language.net/spec.html#data-test-expression-for-jsonpath-choice-rules">Data-test
 *     expressions</a>
 */
public enum Operator {
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LE),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GE),
    STRING_MATCHES("StringMatches", Kind.PATTERN, Relation.EQ),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LT),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LE),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GE),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LE),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GE),
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.EQ),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.EQ),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.EQ),
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.EQ),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.EQ),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.EQ);

    /** What an operator compares. */
    public enum Kind {
        STRING,
        PATTERN,
        NUMERIC,
        BOOLEAN,
        TIMESTAMP,
        TYPE_TEST
    }

    /** How the two sides must relate. */
    public enum Relation {
        EQ,
        LT,
        GT,
        LE,
        GE;

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case LT -> comparison < 0;
                case GT -> comparison > 0;
                case LE -> comparison <= 0;
                case GE -> comparison >= 0;
            };
        }
    }

    private static final Map<String, Operator> BY_FIELD =
            Arrays.stream(values()).collect(Collectors.toMap(o -> o.field, Function.identity()));

    private final String field;
    private final Kind kind;
    private final Relation relation;

    Operator(String field, Kind kind, Relation relation) {
        this.field = field;
        this.kind = kind;
        this.relation = relation;
    }

    /** The field name in a Choice Rule, e.g. {@code NumericLessThan}. */
    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    public Relation relation() {
        return relation;
    }

    /** Whether a {@code ...Path} variant exists. */
    public boolean hasPathVariant() {
        return kind != Kind.TYPE_TEST && kind != Kind.PATTERN;
    }

    /** The operator named by a Choice Rule field without its {@code Path} suffix, or null. */
    public static Operator byField(String field) {
        return BY_FIELD.get(field);
    }
}
