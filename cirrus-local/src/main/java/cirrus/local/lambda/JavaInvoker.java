package cirrus.local.lambda;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import cirrus.local.model.LocalFunction;

/**
 * Runs Java handlers in-process (builtins, task classes, user handlers; see {@link JavaHandlers})
 * on a worker thread, so that the function's timeout can end the wait: a handler still running at
 * its timeout is interrupted and the invocation fails with {@code Sandbox.Timedout}.
 */
public final class JavaInvoker implements FunctionInvoker, AutoCloseable {
    private final JavaHandlers handlers;
    private final LogSink logs;
    private final ExecutorService workers =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "cirrus-lambda-java");
                        t.setDaemon(true);
                        return t;
                    });

    public JavaInvoker(JavaHandlers handlers, LogSink logs) {
        this.handlers = handlers;
        this.logs = logs;
    }

    @Override
    public LambdaResult invoke(LocalFunction function, JsonNode event) {
        InvocationLog log = InvocationLog.start(logs, function);
        JavaHandlers.HandlerLookup lookup = handlers.lookup(function);
        if (lookup.handler().isEmpty()) {
            return log.finish(LambdaResult.failed(lookup.error().orElseThrow()));
        }
        JavaHandler handler = lookup.handler().get();
        Future<JsonNode> future = workers.submit(() -> handler.handle(event, log.context()));
        try {
            JsonNode value = future.get(function.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return log.finish(
                    LambdaResult.returned(value == null ? NullNode.getInstance() : value));
        } catch (ExecutionException e) {
            return log.finish(LambdaResult.failed(JavaErrors.of(e.getCause())));
        } catch (TimeoutException e) {
            future.cancel(true);
            return log.finish(
                    LambdaResult.failed(LambdaError.timeout(function, log.context().requestId())));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return log.finish(
                    LambdaResult.failed(
                            LambdaError.of(LambdaError.EXIT, "invocation interrupted")));
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
