package cirrus.aws.handler;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Exceptions whose class name is a given error name. The Lambda Java runtime reports a failed
 * invocation's {@code errorType} as the exception's class name, and Step Functions uses that as the
 * error that {@code Retry}/{@code Catch} and update-state match on. cirrus (Python) raises classes
 * named {@code Exception}, {@code InvalidInput} or the type parsed from a Batch log; this creates
 * such classes on demand (a minimal subclass of {@link RuntimeException}, defined once per name),
 * so that a Java handler fails with the same error names.
 */
final class NamedErrors {
    /**
     * Binary class names: dot-separated Java identifiers, not in the reserved {@code java.} tree.
     */
    private static final Pattern VALID =
            Pattern.compile(
                    "(?!java\\.)[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private static final Loader LOADER = new Loader(NamedErrors.class.getClassLoader());
    private static final Map<String, Class<? extends RuntimeException>> CLASSES =
            new ConcurrentHashMap<>();

    private NamedErrors() {}

    /**
     * An exception of a class named {@code errorType} with {@code message}, caused by {@code
     * cause}. Names that cannot be class names become {@link TaskFailure} (its message keeps the
     * name).
     */
    static RuntimeException named(String errorType, String message, Throwable cause) {
        if (!VALID.matcher(errorType).matches()) {
            return new TaskFailure(errorType + ": " + message, cause);
        }
        Class<? extends RuntimeException> type = CLASSES.computeIfAbsent(errorType, LOADER::define);
        try {
            RuntimeException e = type.getConstructor(String.class).newInstance(message);
            if (cause != null) {
                e.initCause(cause);
            }
            return e;
        } catch (InstantiationException
                | IllegalAccessException
                | InvocationTargetException
                | NoSuchMethodException e) {
            throw new IllegalStateException("cannot instantiate generated error " + errorType, e);
        }
    }

    /** The failure of a task whose error name cannot be a class name. */
    static final class TaskFailure extends RuntimeException {
        TaskFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Loader extends ClassLoader {
        Loader(ClassLoader parent) {
            super(parent);
        }

        Class<? extends RuntimeException> define(String name) {
            byte[] bytes = classFile(name.replace('.', '/'));
            synchronized (this) {
                return defineClass(name, bytes, 0, bytes.length).asSubclass(RuntimeException.class);
            }
        }
    }

    /**
     * {@code public class <name> extends RuntimeException { public <name>(String m) { super(m); }
     * }} as a Java 8 class file.
     */
    private static byte[] classFile(String internalName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor
            out.writeShort(52); // major: Java 8, no stack map frames needed
            out.writeShort(10); // constant pool count (entries 1..9)
            utf8(out, internalName); // #1
            classRef(out, 1); // #2 this
            utf8(out, "java/lang/RuntimeException"); // #3
            classRef(out, 3); // #4 super
            utf8(out, "<init>"); // #5
            utf8(out, "(Ljava/lang/String;)V"); // #6
            out.writeByte(12); // #7 NameAndType
            out.writeShort(5);
            out.writeShort(6);
            out.writeByte(10); // #8 Methodref super.<init>(String)
            out.writeShort(4);
            out.writeShort(7);
            utf8(out, "Code"); // #9
            out.writeShort(0x0021); // public super
            out.writeShort(2);
            out.writeShort(4);
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(1); // methods
            out.writeShort(0x0001); // public
            out.writeShort(5);
            out.writeShort(6);
            out.writeShort(1); // attributes: Code
            out.writeShort(9);
            out.writeInt(18); // attribute length
            out.writeShort(2); // max stack
            out.writeShort(2); // max locals
            out.writeInt(6); // code length
            out.write(new byte[] {0x2a, 0x2b, (byte) 0xb7, 0x00, 0x08, (byte) 0xb1});
            out.writeShort(0); // exception table
            out.writeShort(0); // code attributes
            out.writeShort(0); // class attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream out, String text) throws IOException {
        out.writeByte(1);
        out.writeUTF(text);
    }

    private static void classRef(DataOutputStream out, int nameIndex) throws IOException {
        out.writeByte(7);
        out.writeShort(nameIndex);
    }
}
