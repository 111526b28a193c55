package cirrus.aws.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedErrorsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Exception",
                "InvalidInput",
                "stactask.exceptions.InvalidInput",
                "States.TaskFailed",
                "UnknownError"
            })
    void theClassNameIsTheErrorName(String name) {
        IllegalStateException cause = new IllegalStateException("root");
        RuntimeException e = NamedErrors.named(name, "the message", cause);
        assertThat(e.getClass().getName()).isEqualTo(name);
        assertThat(e).hasMessage("the message").hasCause(cause);
    }

    @Test
    void aNameIsDefinedOnce() {
        assertThat(NamedErrors.named("Once", "a", null).getClass())
                .isSameAs(NamedErrors.named("Once", "b", null).getClass());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "java.lang.Boom", "has space", "a..b", "1abc", "x/y"})
    void namesThatCannotBeClassesKeepTheNameInTheMessage(String name) {
        RuntimeException e = NamedErrors.named(name, "msg", null);
        assertThat(e).isInstanceOf(NamedErrors.TaskFailure.class).hasMessage(name + ": msg");
    }
}
