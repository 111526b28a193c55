package cirrus.project;

import java.util.List;

/**
 * A file a component declares, by key ({@code show <group> NAME <key>}) and file name. The list is
 * fixed per component type and shown whether or not the file exists.
 *
 * @param key the name used on the command line ({@code handler}, {@code definition}, …)
 * @param fileName the file name inside the component directory
 * @param required whether loading fails without it
 */
public record ComponentFile(String key, String fileName, boolean required) {
    /** The definition file every component has. */
    public static final String DEFINITION = "definition.yml";

    static final List<ComponentFile> LAMBDA_FILES =
            List.of(
                    new ComponentFile("handler", "lambda_function.py", false),
                    new ComponentFile("definition", DEFINITION, true),
                    new ComponentFile("readme", "README.md", false));

    static final List<ComponentFile> WORKFLOW_FILES =
            List.of(
                    new ComponentFile("test_payload", "test-payload.json", false),
                    new ComponentFile("definition", DEFINITION, true),
                    new ComponentFile("readme", "README.md", false));
}
