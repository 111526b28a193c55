package cirrus.local.lambda;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cirrus.local.model.LocalFunction;

/**
 * The log of one invocation, written like Lambda's: group {@code /aws/lambda/<function>}, stream
 * {@code <yyyy>/<MM>/<dd>/<request id>}, framed by {@code START}, {@code END} and {@code REPORT}
 * lines.
 */
final class InvocationLog {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final LogSink sink;
    private final InvocationContext context;
    private final long startNanos = System.nanoTime();
    private final List<String> lines = new ArrayList<>();

    private InvocationLog(LogSink sink, InvocationContext context) {
        this.sink = sink;
        this.context = context;
        lines.add("START RequestId: " + context.requestId() + " Version: $LATEST");
    }

    /** Starts the log (and the clock) of a new invocation of {@code function}. */
    static InvocationLog start(LogSink sink, LocalFunction function) {
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        InvocationContext context =
                new InvocationContext(
                        function,
                        requestId,
                        now.plus(function.timeout()),
                        "/aws/lambda/" + function.name(),
                        DAY.format(now) + "/" + requestId);
        return new InvocationLog(sink, context);
    }

    InvocationContext context() {
        return context;
    }

    void add(String line) {
        lines.add(line);
    }

    void addAll(List<String> more) {
        lines.addAll(more);
    }

    /** Writes the log with its END and REPORT lines; returns {@code result}. */
    LambdaResult finish(LambdaResult result) {
        if (result instanceof LambdaResult.Failed f) {
            lines.add(f.error().cause().toString());
        }
        double millis = (System.nanoTime() - startNanos) / 1e6;
        lines.add("END RequestId: " + context.requestId());
        lines.add(
                String.format(
                        Locale.ROOT,
                        "REPORT RequestId: %s\tDuration: %.2f ms\tMemory Size: %d MB",
                        context.requestId(),
                        millis,
                        context.function().memorySize()));
        sink.append(context.logGroup(), context.logStream(), lines);
        return result;
    }
}
