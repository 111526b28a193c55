package cirrus.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One verdict about one resource: which rule (and which row of the change table in {@code
 * docs/plan.md}) it comes from, what CloudFormation will do, how risky it is, which changed
 * properties it explains, why, what it does to running jobs and in-flight executions, the safe way
 * to make the change, and the documents it rests on.
 *
 * @param logicalId the resource the verdict is about
 * @param type its CloudFormation type
 * @param rule stable identifier of the rule ({@code ce-infrastructure-change})
 * @param row the row of the change table, 0 when the verdict is not one of its rows
 * @param action what CloudFormation does
 * @param risk how dangerous it is
 * @param paths the changed property paths this verdict accounts for
 * @param why the reason, naming the property
 * @param impact the effect on running jobs and in-flight executions
 * @param strategy the safe way to make the change
 * @param sources the documents the verdict rests on
 */
public record Finding(
        String logicalId,
        String type,
        String rule,
        int row,
        Action action,
        Risk risk,
        List<String> paths,
        String why,
        String impact,
        String strategy,
        List<Source> sources) {
    public Finding {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(why, "why");
        paths = List.copyOf(paths);
        impact = impact == null ? "" : impact;
        strategy = strategy == null ? "" : strategy;
        sources = List.copyOf(sources);
    }

    /** Starts a finding about resource {@code logicalId} of {@code type}. */
    public static Builder about(String logicalId, String type) {
        return new Builder(logicalId, type);
    }

    /** Assembles a {@link Finding}; rules read as sentences with it. */
    public static final class Builder {
        private final String logicalId;
        private final String type;
        private String rule = "";
        private int row;
        private Action action = Action.NONE;
        private Risk risk = Risk.INFO;
        private final List<String> paths = new ArrayList<>();
        private String why = "";
        private String impact = "";
        private String strategy = "";
        private final List<Source> sources = new ArrayList<>();

        private Builder(String logicalId, String type) {
            this.logicalId = logicalId;
            this.type = type;
        }

        public Builder rule(String id, int tableRow) {
            this.rule = id;
            this.row = tableRow;
            return this;
        }

        public Builder action(Action value) {
            this.action = value;
            return this;
        }

        public Builder risk(Risk value) {
            this.risk = value;
            return this;
        }

        public Builder paths(List<String> value) {
            value.stream().filter(p -> !paths.contains(p)).forEach(paths::add);
            return this;
        }

        public Builder why(String value) {
            this.why = value;
            return this;
        }

        public Builder impact(String value) {
            this.impact = value;
            return this;
        }

        public Builder strategy(String value) {
            this.strategy = value;
            return this;
        }

        public Builder sources(Source... value) {
            sources.addAll(List.of(value));
            return this;
        }

        public Finding build() {
            return new Finding(
                    logicalId, type, rule, row, action, risk, paths, why, impact, strategy,
                    sources);
        }
    }
}
