package cirrus.yaml;

import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * YAML 1.1 implicit typing of plain scalars, exactly as PyYAML's resolver does it (the loader
 * cirrus v0.15.4 uses): {@code yes/no/on/off} are booleans, {@code 0755} is octal, {@code 1e5} is a
 * string (a float needs a dot), and {@code 2010-09-09} is a timestamp. The emitter uses the same
 * rules to decide when a string must be quoted.
 */
public final class Yaml11Resolver implements ScalarResolver {
    /** The timestamp tag of YAML 1.1. */
    public static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

    /**
     * The merge key {@code <<}. Deliberately not snakeyaml-engine's {@code Tag.MERGE}: its composer
     * would merge with its own ordering; {@link MergeKeys} does it the PyYAML way instead.
     */
    public static final Tag MERGE_KEY = new Tag("tag:cirrus.io,2026:merge");

    /** The value tag of YAML 1.1 ({@code =}). */
    public static final Tag VALUE = new Tag(Tag.PREFIX + "value");

    static final Pattern BOOL =
            Pattern.compile(
                    "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    static final Pattern FLOAT =
            Pattern.compile(
                    "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                            + "|[-+]?\\.(?:inf|Inf|INF)"
                            + "|\\.(?:nan|NaN|NAN))$");
    static final Pattern INT =
            Pattern.compile(
                    "^(?:[-+]?0b[0-1_]+"
                            + "|[-+]?0[0-7_]+"
                            + "|[-+]?(?:0|[1-9][0-9_]*)"
                            + "|[-+]?0x[0-9a-fA-F_]+"
                            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    static final Pattern MERGE = Pattern.compile("^(?:<<)$");
    static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    static final Pattern TIMESTAMP_PATTERN =
            Pattern.compile(
                    "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    static final Pattern VALUE_PATTERN = Pattern.compile("^(?:=)$");

    @Override
    public Tag resolve(String value, Boolean implicit) {
        return implicit ? resolvePlain(value) : Tag.STR;
    }

    /** The tag a plain (unquoted) scalar with this text gets in YAML 1.1. */
    public static Tag resolvePlain(String value) {
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        char c = value.charAt(0);
        switch (c) {
            case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
                if (BOOL.matcher(value).matches()) {
                    return Tag.BOOL;
                }
                if (NULL.matcher(value).matches()) {
                    return Tag.NULL;
                }
                return Tag.STR;
            case '~':
                return NULL.matcher(value).matches() ? Tag.NULL : Tag.STR;
            case '<':
                return MERGE.matcher(value).matches() ? MERGE_KEY : Tag.STR;
            case '=':
                return VALUE_PATTERN.matcher(value).matches() ? VALUE : Tag.STR;
            case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                if (INT.matcher(value).matches()) {
                    return Tag.INT;
                }
                if (FLOAT.matcher(value).matches()) {
                    return Tag.FLOAT;
                }
                if (TIMESTAMP_PATTERN.matcher(value).matches()) {
                    return TIMESTAMP;
                }
                return Tag.STR;
            default:
                return Tag.STR;
        }
    }

    /** True when {@code text} written as a plain scalar would not read back as the same string. */
    public static boolean plainWouldChangeType(String text) {
        return !Tag.STR.equals(resolvePlain(text));
    }
}
