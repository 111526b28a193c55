package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda code locations as template parameters: one bucket parameter for all code, one key
 * parameter per distinct artifact (functions sharing the builtins' jar share its key), so that the
 * template stays reviewable and deployable with {@code aws cloudformation deploy
 * --parameter-overrides}. The list of artifacts is also written into the template's {@code
 * Metadata} under {@value #METADATA}, which is where {@code cirrus deploy} reads it from.
 */
final class CodeParameters {
    /** The parameter naming the S3 bucket that holds every code artifact. */
    static final String BUCKET = "LambdaCodeBucket";

    /** The template metadata key listing the artifacts. */
    static final String METADATA = "Cirrus::Code";

    private final Map<String, CodeArtifact> byPath = new LinkedHashMap<>();

    /** The key parameter of the Python Lambda directory {@code path} ({@code lambdas/<name>}). */
    String directory(String path) {
        return add(path, CodeArtifact.Kind.PYTHON_DIRECTORY);
    }

    /** The key parameter of the file artifact {@code path}. */
    String file(String path) {
        return add(path, CodeArtifact.Kind.FILE);
    }

    private String add(String path, CodeArtifact.Kind kind) {
        CodeArtifact known = byPath.get(path);
        if (known != null) {
            return known.parameter();
        }
        String base = parameterBase(path, kind);
        String name = base + "CodeKey";
        for (int i = 2; taken(name); i++) {
            name = base + i + "CodeKey";
        }
        byPath.put(path, new CodeArtifact(name, path, kind));
        return name;
    }

    private boolean taken(String name) {
        return byPath.values().stream().anyMatch(a -> a.parameter().equals(name));
    }

    private static String parameterBase(String path, CodeArtifact.Kind kind) {
        String last = path.replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        if (kind == CodeArtifact.Kind.PYTHON_DIRECTORY) {
            return LogicalIds.alphanumeric(LogicalIds.normalized(last));
        }
        int dot = last.lastIndexOf('.');
        String stem = dot > 0 ? last.substring(0, dot) : last;
        String ext = dot > 0 ? LogicalIds.alphanumeric(last.substring(dot + 1)) : "";
        return LogicalIds.alphanumeric(LogicalIds.normalized(stem)) + ext;
    }

    List<CodeArtifact> artifacts() {
        return new ArrayList<>(byPath.values());
    }

    /** Adds the parameters and the metadata to the template. */
    void addTo(TemplateSections template) {
        if (byPath.isEmpty()) {
            return;
        }
        template.parameter(
                BUCKET,
                Intrinsic.map(
                        "Type", "String",
                        "Description",
                                "S3 bucket holding the Lambda code artifacts (cirrus deploy uploads them)",
                        "MinLength", 3));
        Map<String, Object> keys = new LinkedHashMap<>();
        for (CodeArtifact a : byPath.values()) {
            String what = a.kind() == CodeArtifact.Kind.PYTHON_DIRECTORY ? "zip of " : "";
            template.parameter(
                    a.parameter(),
                    Intrinsic.map(
                            "Type",
                            "String",
                            "Description",
                            "S3 key of the " + what + a.path() + " (in the build directory)",
                            "MinLength",
                            1));
            keys.put(a.parameter(), Intrinsic.map("Path", a.path(), "Type", a.kind().label()));
        }
        template.metadata(METADATA, Intrinsic.map("Bucket", BUCKET, "Keys", keys));
    }
}
