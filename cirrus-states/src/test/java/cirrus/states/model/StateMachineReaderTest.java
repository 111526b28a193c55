package cirrus.states.model;

import static cirrus.states.Machines.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Messages of definition errors tell what to fix; the model is what the definition says. */
class StateMachineReaderTest {
    @Test
    void aBadTransitionNamesTheStatesThatExist() {
        List<DefinitionError> errors =
                StateMachineReader.check(
                        json(
                                "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Bee'},'B':{'Type':'Pass','End':true}}}"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString())
                .isEqualTo(
                        "error[ASL-E005] $.States.A.Next: no state named 'Bee' in this scope; states: [A, B]");
        assertThat(errors.get(0).path().pointer()).isEqualTo("/States/A/Next");
    }

    @Test
    void readThrowsOnceWithEveryError() {
        assertThatThrownBy(
                        () ->
                                StateMachineReader.read(
                                        json(
                                                "{'StartAt':'A','States':{'A':{'Type':'Pass'},'B':{'Type':'Nope'}}}")))
                .isInstanceOf(DefinitionException.class)
                .satisfies(e -> assertThat(((DefinitionException) e).errors()).hasSize(2))
                .hasMessageContaining("2 error(s)");
    }

    @Test
    void unusualStateNamesArePrintedInBrackets() {
        List<DefinitionError> errors =
                StateMachineReader.check(
                        json("{'StartAt':'my state','States':{'my state':{'Type':'Pass'}}}"));
        assertThat(errors.get(0).path()).hasToString("$.States['my state']");
        assertThat(errors.get(0).path().segments()).containsExactly("States", "my state");
    }

    @Test
    void theModelHoldsWhatTheDefinitionSays() throws Exception {
        StateMachine machine =
                StateMachineReader.read(
                        json(
                                "{'Comment':'c','TimeoutSeconds':30,'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:x',"
                                        + "'Retry':[{'ErrorEquals':['E'],'IntervalSeconds':2,'MaxAttempts':4,'BackoffRate':1.5,'MaxDelaySeconds':9,'JitterStrategy':'FULL'}],"
                                        + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':null,'Next':'F'}],'End':true},'F':{'Type':'Fail','Error':'E'}}}"));
        assertThat(machine.comment()).isEqualTo("c");
        assertThat(machine.timeoutSeconds()).isEqualTo(30);
        TaskState task = (TaskState) machine.root().state("T");
        assertThat(task.errorHandling().retriers())
                .containsExactly(new Retrier(List.of("E"), 2, 4, 1.5, 9, JitterStrategy.FULL));
        Catcher catcher = task.errorHandling().catchers().get(0);
        assertThat(catcher.next()).isEqualTo("F");
        assertThat(catcher.resultPath()).isNull();
        assertThat(machine.graphs()).containsOnlyKeys("$");
    }

    @Test
    void graphsOfBranchesAndProcessorsAreIndexedById() throws Exception {
        StateMachine machine =
                StateMachineReader.read(
                        json(
                                "{'StartAt':'P','States':{'P':{'Type':'Parallel','Next':'M','Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}]},"
                                        + "'M':{'Type':'Map','Iterator':{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}},'End':true}}}"));
        assertThat(machine.graphs())
                .containsOnlyKeys("$", "$.States.P.Branches[0]", "$.States.M.Iterator");
    }
}
