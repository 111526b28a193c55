package cirrus.compile.cfn;

import java.util.Objects;

/**
 * Code a template's functions deploy from S3: the template takes its key as parameter {@code
 * parameter} (the bucket is {@link CodeParameters#BUCKET}), the deployer builds it from {@code
 * path}.
 *
 * @param parameter the template parameter holding the S3 key
 * @param path the source relative to the build directory: a Python Lambda directory ({@code
 *     lambdas/<name>}) or a ready artifact ({@code lambdas/cirrus-builtins.jar})
 * @param kind how the source becomes the uploaded object
 */
public record CodeArtifact(String parameter, String path, Kind kind) {
    /** How an artifact is packaged. */
    public enum Kind {
        /**
         * A Python Lambda directory: zipped with its {@code requirements.txt} installed into it.
         */
        PYTHON_DIRECTORY("python-directory"),
        /** A file uploaded as it is (a jar or a zip). */
        FILE("file");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in the template's metadata. */
        public String label() {
            return label;
        }
    }

    public CodeArtifact {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
