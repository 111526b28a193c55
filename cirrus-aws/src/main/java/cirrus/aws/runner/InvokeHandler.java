package cirrus.aws.runner;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.aws.handler.LocalContext;
import cirrus.runtime.json.Json;

/**
 * Invokes one Lambda handler of this jar once, like the Lambda runtime would: {@code java -cp
 * cirrus-aws-lambda.jar cirrus.aws.runner.InvokeHandler <HandlerClass> [function-name] <
 * event.json}. Prints the result JSON on stdout and exits 0, or prints the Lambda error document
 * ({@code errorType}, {@code errorMessage}) and exits 1. Used to measure cold starts and to run the
 * handlers in a fresh JVM in tests.
 */
public final class InvokeHandler {
    private InvokeHandler() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: InvokeHandler <handler class> [function name] < event.json");
            System.exit(2);
        }
        String name = args[0].startsWith("cirrus.") ? args[0] : "cirrus.aws.handler." + args[0];
        RequestStreamHandler handler =
                (RequestStreamHandler) Class.forName(name).getDeclaredConstructor().newInstance();
        String function = args.length > 1 ? args[1] : handler.getClass().getSimpleName();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(System.out, true, UTF_8);
        try {
            handler.handleRequest(System.in, out, LocalContext.of(function));
        } catch (RuntimeException e) {
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.put("errorType", e.getClass().getName());
            error.put("errorMessage", e.getMessage());
            stdout.println(Json.write(error));
            System.exit(1);
        }
        stdout.println(out.toString(UTF_8));
        System.exit(0);
    }
}
