package cirrus.local.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.local.model.LocalFunction;
import cirrus.runtime.task.Task;

/**
 * Finds the in-process implementation of a Java handler ({@code pkg.Class::method} or {@code
 * pkg.Class}):
 *
 * <ol>
 *   <li>a builtin bound by class name (e.g. {@code cirrus.aws.handler.PublishHandler} → the
 *       runtime's publish logic over the local stores);
 *   <li>{@code cirrus.aws.handler.TaskHandler}: the {@link Task} class named by the function's
 *       {@code CIRRUS_TASK_CLASS}, as on AWS;
 *   <li>a class implementing {@link Task} (the task SDK), run through the task runner;
 *   <li>any other class with a public {@code handleRequest} (or the named) method taking the event
 *       as {@link JsonNode}, {@link Map}, {@link String} or an {@link InputStream} + {@link
 *       OutputStream} pair, optionally followed by a context (an AWS Lambda {@code Context}
 *       interface gets a proxy answering the usual getters).
 * </ol>
 *
 * User classes are loaded from the project's {@code custom.local.javaClasspath}.
 */
public final class JavaHandlers {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The generic task handler of cirrus-aws, bound to the task named by its environment. */
    static final String TASK_HANDLER = "cirrus.aws.handler.TaskHandler";

    static final String TASK_CLASS_VARIABLE = "CIRRUS_TASK_CLASS";

    private final Map<String, Function<LocalFunction, JavaHandler>> builtins;
    private final BiFunction<LocalFunction, Task, JavaHandler> taskBinding;
    private final ClassLoader classes;
    private final Map<String, JavaHandler> bound = new ConcurrentHashMap<>();

    /**
     * @param builtins handler factories by class name
     * @param taskBinding wraps a {@link Task} of a function into a handler
     * @param classes where user handler classes are loaded from
     */
    public JavaHandlers(
            Map<String, Function<LocalFunction, JavaHandler>> builtins,
            BiFunction<LocalFunction, Task, JavaHandler> taskBinding,
            ClassLoader classes) {
        this.builtins = Map.copyOf(builtins);
        this.taskBinding = taskBinding;
        this.classes = classes;
    }

    /** The handler of {@code function}, or why there is none (as a Lambda init error). */
    public HandlerLookup lookup(LocalFunction function) {
        JavaHandler known = bound.get(function.key());
        if (known != null) {
            return new HandlerLookup(Optional.of(known), Optional.empty());
        }
        String spec = function.handler().orElse("");
        int sep = spec.indexOf("::");
        String className = sep < 0 ? spec : spec.substring(0, sep);
        String methodName = sep < 0 ? "handleRequest" : spec.substring(sep + 2);
        try {
            JavaHandler handler = create(function, className, methodName);
            bound.put(function.key(), handler);
            return new HandlerLookup(Optional.of(handler), Optional.empty());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return HandlerLookup.missing(
                    LambdaError.of(
                            LambdaError.IMPORT,
                            "Class not found: "
                                    + className
                                    + " (add its jar to custom.local.javaClasspath)"));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return HandlerLookup.missing(
                    LambdaError.of(LambdaError.HANDLER_NOT_FOUND, spec + ": " + e.getMessage()));
        }
    }

    private JavaHandler create(LocalFunction function, String className, String methodName)
            throws ReflectiveOperationException {
        Function<LocalFunction, JavaHandler> builtin = builtins.get(className);
        if (builtin != null) {
            return builtin.apply(function);
        }
        if (className.equals(TASK_HANDLER)) {
            return taskOfEnvironment(function);
        }
        Class<?> type = Class.forName(className, true, classes);
        Object instance = instantiate(type);
        if (instance instanceof Task task) {
            return taskBinding.apply(function, task);
        }
        Method method =
                Arrays.stream(type.getMethods())
                        .filter(m -> m.getName().equals(methodName))
                        .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new NoSuchMethodException(
                                                "no public method "
                                                        + methodName
                                                        + " with 1 to 3 parameters in "
                                                        + className));
        return (event, context) -> call(instance, method, event, context);
    }

    /**
     * cirrus-aws's generic Lambda entry point for task SDK classes: like on AWS, the task is the
     * class named by the function's {@code CIRRUS_TASK_CLASS}.
     */
    private JavaHandler taskOfEnvironment(LocalFunction function)
            throws ReflectiveOperationException {
        String taskClass = function.environment().get(TASK_CLASS_VARIABLE);
        if (taskClass == null || taskClass.isBlank()) {
            throw new IllegalArgumentException(
                    TASK_CLASS_VARIABLE + " is not set in the function's environment");
        }
        Class<?> type;
        try {
            type = Class.forName(taskClass, true, classes);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException(
                    TASK_CLASS_VARIABLE
                            + " names "
                            + taskClass
                            + ", which is not found (add its jar to custom.local.javaClasspath)");
        }
        if (!(instantiate(type) instanceof Task task)) {
            throw new IllegalArgumentException(
                    TASK_CLASS_VARIABLE
                            + " names "
                            + taskClass
                            + ", which is not a "
                            + Task.class.getName());
        }
        return taskBinding.apply(function, task);
    }

    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static JsonNode call(Object target, Method m, JsonNode event, InvocationContext context)
            throws Exception {
        Class<?>[] params = m.getParameterTypes();
        Object[] args = new Object[params.length];
        ByteArrayOutputStream streamOut = null;
        if (InputStream.class.isAssignableFrom(params[0])) {
            args[0] = new ByteArrayInputStream(JSON.writeValueAsBytes(event));
            streamOut = new ByteArrayOutputStream();
            args[1] = streamOut;
        } else if (params[0].isAssignableFrom(JsonNode.class)) {
            args[0] = event;
        } else if (params[0] == String.class) {
            args[0] = JSON.writeValueAsString(event);
        } else {
            args[0] = JSON.convertValue(event, params[0]);
        }
        int contextAt = streamOut == null ? 1 : 2;
        if (params.length > contextAt) {
            args[contextAt] = contextArgument(params[contextAt], context);
        }
        Object result = m.invoke(Modifier.isStatic(m.getModifiers()) ? null : target, args);
        if (streamOut != null) {
            byte[] bytes = streamOut.toByteArray();
            return bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        }
        return result instanceof JsonNode node ? node : JSON.valueToTree(result);
    }

    private static Object contextArgument(Class<?> type, InvocationContext context) {
        if (type.isInstance(context)) {
            return context;
        }
        if (!type.isInterface()) {
            return null;
        }
        return Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> contextValue(method.getName(), context, method));
    }

    private static Object contextValue(String name, InvocationContext c, Method method) {
        Object value =
                switch (name) {
                    case "getAwsRequestId" -> c.requestId();
                    case "getFunctionName" -> c.function().name();
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> c.function().arn();
                    case "getLogGroupName" -> c.logGroup();
                    case "getLogStreamName" -> c.logStream();
                    case "getMemoryLimitInMB" -> c.function().memorySize();
                    case "getRemainingTimeInMillis" ->
                            (int) Math.min(Integer.MAX_VALUE, c.remainingMillis());
                    case "toString" -> "LambdaContext(" + c.requestId() + ")";
                    case "hashCode" -> System.identityHashCode(c);
                    default -> null;
                };
        if (value == null && method.getReturnType() == boolean.class) {
            return false;
        }
        return value;
    }

    /**
     * The result of looking up a handler.
     *
     * @param handler the handler, when found
     * @param error why there is none
     */
    public record HandlerLookup(Optional<JavaHandler> handler, Optional<LambdaError> error) {
        static HandlerLookup missing(LambdaError error) {
            return new HandlerLookup(Optional.empty(), Optional.of(error));
        }
    }
}
