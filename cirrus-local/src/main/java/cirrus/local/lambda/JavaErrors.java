package cirrus.local.lambda;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

import cirrus.runtime.builtin.TaskError;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.task.InvalidInput;

/**
 * The Lambda error of a Java exception, named like the runtime's task runner names it: a {@link
 * TaskError}'s type, {@code InvalidInput} for invalid input, else the exception's simple class
 * name.
 */
final class JavaErrors {
    private static final int MAX_FRAMES = 30;

    private JavaErrors() {}

    static LambdaError of(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof InvocationTargetException && e.getCause() != null) {
            e = e.getCause();
        }
        String type;
        if (e instanceof TaskError te) {
            type = te.errorType();
        } else if (e instanceof InvalidInput || e instanceof InvalidPayloadException) {
            type = InvalidInput.ERROR_TYPE;
        } else {
            type = e.getClass().getSimpleName();
        }
        List<String> frames =
                Arrays.stream(e.getStackTrace())
                        .limit(MAX_FRAMES)
                        .map(StackTraceElement::toString)
                        .toList();
        return new LambdaError(type, String.valueOf(e.getMessage()), frames);
    }
}
