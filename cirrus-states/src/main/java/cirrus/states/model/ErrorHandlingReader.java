package cirrus.states.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.path.ReferencePath;

/** Reads the {@code Retry} and {@code Catch} fields of Task, Parallel and Map states. */
final class ErrorHandlingReader {
    private static final Set<String> RETRIER_FIELDS =
            Set.of(
                    "ErrorEquals",
                    "IntervalSeconds",
                    "MaxAttempts",
                    "BackoffRate",
                    "MaxDelaySeconds",
                    "JitterStrategy",
                    "Comment");
    private static final Set<String> CATCHER_FIELDS =
            Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private ErrorHandlingReader() {}

    static ErrorHandling read(Fields state) {
        List<Retrier> retriers = new ArrayList<>();
        List<Catcher> catchers = new ArrayList<>();
        JsonNode retry = state.raw("Retry");
        if (retry != null) {
            if (!retry.isArray()) {
                state.problems()
                        .add(
                                DefinitionCode.WRONG_TYPE,
                                state.at("Retry"),
                                "'Retry' must be an array of Retriers");
            } else {
                for (int i = 0; i < retry.size(); i++) {
                    Fields f =
                            element(
                                    retry.get(i),
                                    state.at("Retry").index(i),
                                    state.problems(),
                                    "a Retrier");
                    if (f != null) {
                        retriers.add(retrier(f, i == retry.size() - 1));
                    }
                }
            }
        }
        JsonNode catchNode = state.raw("Catch");
        if (catchNode != null) {
            if (!catchNode.isArray()) {
                state.problems()
                        .add(
                                DefinitionCode.WRONG_TYPE,
                                state.at("Catch"),
                                "'Catch' must be an array of Catchers");
            } else {
                for (int i = 0; i < catchNode.size(); i++) {
                    Fields f =
                            element(
                                    catchNode.get(i),
                                    state.at("Catch").index(i),
                                    state.problems(),
                                    "a Catcher");
                    if (f != null) {
                        catchers.add(catcher(f, i == catchNode.size() - 1));
                    }
                }
            }
        }
        return retriers.isEmpty() && catchers.isEmpty()
                ? ErrorHandling.NONE
                : new ErrorHandling(retriers, catchers);
    }

    private static Fields element(JsonNode node, FieldPath at, Problems problems, String what) {
        if (!node.isObject()) {
            problems.add(DefinitionCode.WRONG_TYPE, at, what + " must be an object");
            return null;
        }
        return new Fields(node, at, problems);
    }

    private static Retrier retrier(Fields f, boolean last) {
        f.rejectUnknown(RETRIER_FIELDS, "a Retrier", Set.of());
        List<String> errors = errorEquals(f, last);
        Integer interval = f.intField("IntervalSeconds", 1, 99_999_999);
        Integer attempts = f.intField("MaxAttempts", 0, 99_999_999);
        Double backoff = f.number("BackoffRate", 1.0, Double.MAX_VALUE);
        Integer maxDelay = f.intField("MaxDelaySeconds", 1, 31_622_400);
        String jitter = f.string("JitterStrategy");
        JitterStrategy strategy = JitterStrategy.NONE;
        if (jitter != null) {
            try {
                strategy = JitterStrategy.valueOf(jitter);
            } catch (IllegalArgumentException e) {
                f.problems()
                        .add(
                                DefinitionCode.BAD_VALUE,
                                f.at("JitterStrategy"),
                                "'JitterStrategy' must be FULL or NONE, not '" + jitter + "'");
            }
        }
        return new Retrier(
                errors,
                interval == null ? 1 : interval,
                attempts == null ? 3 : attempts,
                backoff == null ? 2.0 : backoff,
                maxDelay,
                strategy);
    }

    private static Catcher catcher(Fields f, boolean last) {
        f.rejectUnknown(CATCHER_FIELDS, "a Catcher", Set.of("Assign", "Output"));
        List<String> errors = errorEquals(f, last);
        String next = f.requiredString("Next");
        ReferencePath resultPath = f.resultPath("ResultPath");
        return new Catcher(errors, next, resultPath);
    }

    private static List<String> errorEquals(Fields f, boolean last) {
        JsonNode node = f.raw("ErrorEquals");
        if (node == null) {
            f.problems().add(DefinitionCode.MISSING_FIELD, f.at(), "'ErrorEquals' is required");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            f.problems()
                    .add(
                            DefinitionCode.BAD_ERROR_EQUALS,
                            f.at("ErrorEquals"),
                            "'ErrorEquals' must be a non-empty array of error names");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                f.problems()
                        .add(
                                DefinitionCode.WRONG_TYPE,
                                f.at("ErrorEquals").index(i),
                                "error names must be strings");
            } else {
                names.add(node.get(i).textValue());
            }
        }
        if (names.contains(ErrorNames.ALL)) {
            if (names.size() > 1) {
                f.problems()
                        .add(
                                DefinitionCode.BAD_ERROR_EQUALS,
                                f.at("ErrorEquals"),
                                "'States.ALL' must appear alone in 'ErrorEquals'");
            } else if (!last) {
                f.problems()
                        .add(
                                DefinitionCode.BAD_ERROR_EQUALS,
                                f.at("ErrorEquals"),
                                "the Retrier or Catcher with 'States.ALL' must be the last one");
            }
        }
        return names;
    }
}
