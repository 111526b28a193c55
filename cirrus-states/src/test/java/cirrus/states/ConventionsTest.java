package cirrus.states;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cirrus.states.choice.ChoiceRule;
import cirrus.states.model.Catcher;
import cirrus.states.model.DataFlow;
import cirrus.states.model.DefinitionError;
import cirrus.states.model.ErrorHandling;
import cirrus.states.model.FieldPath;
import cirrus.states.model.Retrier;
import cirrus.states.model.State;
import cirrus.states.model.StateGraph;
import cirrus.states.model.StateMachine;
import cirrus.states.path.Expression;
import cirrus.states.path.IntrinsicCall;
import cirrus.states.path.Segment;
import cirrus.states.run.Activity;
import cirrus.states.run.Command;
import cirrus.states.run.Event;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.ExecutionResult;
import cirrus.states.run.HistoryEvent;
import cirrus.states.run.Limits;
import cirrus.states.run.Retries;
import cirrus.states.run.Run;
import cirrus.states.run.Slot;
import cirrus.states.run.Snapshot;
import cirrus.states.run.Step;
import cirrus.states.run.TaskOutcome;
import cirrus.states.run.TaskRequest;

/**
 * Definitions and execution state are immutable values: records, and sealed interfaces whose
 * variants are records. Snapshots can then be shared, compared and persisted safely.
 */
class ConventionsTest {
    private static final List<Class<?>> SEALED =
            List.of(
                    State.class,
                    ChoiceRule.class,
                    Segment.class,
                    Expression.class,
                    IntrinsicCall.Argument.class,
                    Activity.class,
                    Slot.class,
                    Event.class,
                    Command.class,
                    TaskOutcome.class);

    private static final List<Class<?>> VALUES =
            List.of(
                    StateMachine.class,
                    StateGraph.class,
                    DataFlow.class,
                    Retrier.class,
                    Catcher.class,
                    ErrorHandling.class,
                    DefinitionError.class,
                    FieldPath.class,
                    IntrinsicCall.class,
                    StatesError.class,
                    Snapshot.class,
                    Run.class,
                    Retries.class,
                    ExecutionInfo.class,
                    TaskRequest.class,
                    Step.class,
                    HistoryEvent.class,
                    Limits.class,
                    ExecutionResult.class);

    @Test
    void sealedHierarchiesHaveOnlyRecordVariants() {
        for (Class<?> sealed : SEALED) {
            assertThat(sealed.isSealed()).as("%s is sealed", sealed).isTrue();
            for (Class<?> variant : sealed.getPermittedSubclasses()) {
                assertThat(variant.isRecord()).as("%s is a record", variant.getName()).isTrue();
            }
        }
    }

    @Test
    void valuesAreRecordsWithoutMutableStaticState() {
        List<Class<?>> all = new ArrayList<>(VALUES);
        for (Class<?> sealed : SEALED) {
            all.addAll(List.of(sealed.getPermittedSubclasses()));
        }
        for (Class<?> type : all) {
            assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    assertThat(Modifier.isFinal(field.getModifiers()))
                            .as("%s.%s is final", type.getSimpleName(), field.getName())
                            .isTrue();
                }
            }
        }
    }
}
