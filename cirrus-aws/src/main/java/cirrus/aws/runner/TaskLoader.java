package cirrus.aws.runner;

import java.lang.reflect.InvocationTargetException;

import cirrus.runtime.task.Task;

/** Instantiates a user {@link Task} by class name (public no-argument constructor). */
public final class TaskLoader {
    private TaskLoader() {}

    /**
     * A new instance of {@code className}.
     *
     * @throws IllegalArgumentException naming the class when it is missing, not a {@link Task}, or
     *     has no usable constructor
     */
    public static Task load(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("task class " + className + " not found", e);
        }
        if (!Task.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(
                    "task class " + className + " does not implement " + Task.class.getName());
        }
        try {
            return (Task) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "cannot create task "
                            + className
                            + " (needs a public no-argument constructor): "
                            + e,
                    e);
        }
    }
}
