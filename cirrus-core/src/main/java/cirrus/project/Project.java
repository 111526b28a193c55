package cirrus.project;

/** A cirrus project: a directory with a {@code cirrus.yml}. */
public final class Project {
    /** The file that marks a project root. */
    public static final String CONFIG_FILE = "cirrus.yml";

    /** The directory of raw CloudFormation fragments. */
    public static final String CLOUDFORMATION_DIR = "cloudformation";

    /** The build output directory, relative to the project root. */
    public static final String BUILD_DIR = ".cirrus/build";

    private Project() {}
}
