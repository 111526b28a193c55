package cirrus.project.load;

import java.nio.file.Path;

import cirrus.project.Source;

/**
 * The components and CloudFormation fragments that come with cirrus (the {@code built-in} source):
 * the functions {@code api}, {@code process}, {@code update-state}, the feeder {@code feed-rerun},
 * the tasks {@code pre-batch}, {@code post-batch}, {@code publish}, the workflow {@code
 * publish-only} and the core resources (queues, topics, state table, Batch compute). They are
 * shipped in the jar under {@code /cirrus/builtins}.
 */
public final class BuiltinResources implements ResourcePlugin {
    static final String DIRECTORY = "/cirrus/builtins";

    private Path root;

    @Override
    public String name() {
        return Source.BUILT_IN_NAME;
    }

    @Override
    public synchronized Path root() {
        if (root == null) {
            root = ResourcePlugin.classpathDirectory(BuiltinResources.class, DIRECTORY);
        }
        return root;
    }

    @Override
    public String description() {
        return "Components and resources that come with cirrus";
    }
}
