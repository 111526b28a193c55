package cirrus.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.project.PathDisplay;
import cirrus.project.Project;
import cirrus.project.load.CloudFormationReader;
import cirrus.project.load.ComponentLoader;
import cirrus.project.load.ProjectLoader;
import cirrus.project.load.ResourcePlugin;

/**
 * {@code cirrus build}: loads a project, compiles it and, when nothing is wrong, replaces its build
 * directory. Unlike cirrus v0.15.4, which left components with a missing handler file out with a
 * warning and crashed or skipped on unknown CloudFormation sections, a build stops on those, after
 * reporting every problem of the project at once.
 */
public final class Build {
    /** Loader warnings that stop a build: something the user declared would silently be missing. */
    public static final Set<String> FATAL_WHEN_BUILDING =
            Set.of(
                    ComponentLoader.MISSING_HANDLER_FILE,
                    CloudFormationReader.UNKNOWN_SECTION,
                    CloudFormationReader.NOT_OBJECTS,
                    ProjectLoader.NOT_A_TEMPLATE);

    /**
     * Where the build finds what it places next to serverless.yml.
     *
     * @param builtinsJar the jar of the builtin Java Lambdas ({@code
     *     cirrus-aws/target/cirrus-aws-lambda.jar}), if it can be found
     * @param pythonLib a {@code cirrus} Python package directory holding {@code lib2/}, if given
     * @param builtinsJarHint how to get the jar, for the warning when it is missing
     */
    public record Inputs(
            Optional<Path> builtinsJar, Optional<Path> pythonLib, String builtinsJarHint) {}

    /**
     * What a build did.
     *
     * @param diagnostics every warning and error, in the order found
     * @param written whether the build directory was replaced
     */
    public record Report(List<Diagnostic> diagnostics, boolean written) {
        public boolean failed() {
            return diagnostics.stream().anyMatch(d -> d.severity().isError());
        }
    }

    /**
     * What a build writes besides {@code serverless.yml} and the Lambda code: nothing for the
     * serverless target, {@code cloudformation.json} for the CloudFormation one.
     */
    public interface Target {
        /** The serverless target: serverless.yml and the Lambda code only. */
        Target SERVERLESS = (compilation, diagnostics) -> Map.of();

        /**
         * The files to write at the top of the build directory (name → text); errors go to {@code
         * diagnostics}, and then nothing is written.
         */
        Map<String, String> files(Compilation compilation, CompileDiagnostics diagnostics);
    }

    private Build() {}

    /**
     * Builds the project in {@code root} into {@code root/.cirrus/build}.
     *
     * @param plugins the resource plugins, built-in first
     * @param display how paths appear in messages
     */
    public static Report run(
            Path root, List<ResourcePlugin> plugins, PathDisplay display, Inputs inputs) {
        return run(root, plugins, display, inputs, BuildCheck.NONE);
    }

    /**
     * Builds the project in {@code root} into {@code root/.cirrus/build}, after {@code check} (the
     * validator) found no error in the compiled project.
     *
     * @param plugins the resource plugins, built-in first
     * @param display how paths appear in messages
     * @param check what to check before writing
     */
    public static Report run(
            Path root,
            List<ResourcePlugin> plugins,
            PathDisplay display,
            Inputs inputs,
            BuildCheck check) {
        return run(root, plugins, display, inputs, check, Target.SERVERLESS);
    }

    /**
     * Builds the project in {@code root} for {@code target}, after {@code check} found no error.
     *
     * @param target what to write besides serverless.yml and the Lambda code
     */
    public static Report run(
            Path root,
            List<ResourcePlugin> plugins,
            PathDisplay display,
            Inputs inputs,
            BuildCheck check,
            Target target) {
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Compilation compilation;
        try {
            Project project =
                    ProjectLoader.open(Optional.of(root), plugins, display, diagnostics::add);
            compilation = Compiler.compile(project, diagnostics);
            diagnostics.escalate(FATAL_WHEN_BUILDING);
            check.check(project, compilation).forEach(diagnostics::add);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(diagnostics::add);
            return new Report(diagnostics.all(), false);
        }
        if (diagnostics.hasErrors()) {
            return new Report(diagnostics.all(), false);
        }
        BuildOutput.Extras extras = extras(compilation, inputs, diagnostics);
        Map<String, String> files = target.files(compilation, diagnostics);
        if (diagnostics.hasErrors()) {
            return new Report(diagnostics.all(), false);
        }
        extras = extras.withFiles(files);
        try {
            BuildOutput.write(
                    root.resolve(Project.BUILD_DIR),
                    compilation.serverless(),
                    compilation.lambdas(),
                    extras);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(diagnostics::add);
            return new Report(diagnostics.all(), false);
        }
        return new Report(diagnostics.all(), true);
    }

    private static BuildOutput.Extras extras(
            Compilation compilation, Inputs inputs, CompileDiagnostics diagnostics) {
        Optional<Path> jar = Optional.empty();
        if (compilation.artifacts().contains(BuildOutput.BUILTINS_JAR)) {
            jar = inputs.builtinsJar().filter(Files::isRegularFile);
            if (jar.isEmpty()) {
                diagnostics.warning(
                        BuildCode.BUILTINS_JAR_MISSING,
                        null,
                        "the builtin Lambda functions need "
                                + BuildOutput.BUILTINS_JAR
                                + ", which is missing: "
                                + inputs.builtinsJarHint()
                                + "; serverless.yml is written, but deploying fails until the"
                                + " jar is there");
            }
        }
        Optional<Path> lib = Optional.empty();
        if (!compilation.lambdas().isEmpty()) {
            lib = inputs.pythonLib();
            if (lib.isPresent() && !Files.isDirectory(lib.get().resolve("lib2"))) {
                diagnostics.warning(
                        BuildCode.PYTHON_LIB_MISSING,
                        Location.of(lib.get()),
                        "no lib2/ directory here, so the Python Lambdas are built without"
                                + " cirrus.lib2; point CIRRUS_PYTHON_LIB at the 'cirrus' package"
                                + " directory of cirrus-geo 0.15.4");
                lib = Optional.empty();
            } else if (lib.isEmpty() && importsCirrusLib(compilation.lambdas())) {
                diagnostics.warning(
                        BuildCode.PYTHON_LIB_MISSING,
                        null,
                        "the Python Lambdas are built without a copy of cirrus.lib2; if their"
                                + " handlers import it, set CIRRUS_PYTHON_LIB to the 'cirrus'"
                                + " package directory of cirrus-geo 0.15.4, or add cirrus-geo"
                                + " to their requirements");
            }
        }
        return new BuildOutput.Extras(jar, lib);
    }

    /** Whether any Python file of these Lambdas mentions {@code cirrus.lib2}. */
    static boolean importsCirrusLib(List<LambdaPackage> lambdas) {
        for (LambdaPackage lambda : lambdas) {
            try (var files = Files.walk(lambda.sourceDirectory())) {
                boolean uses =
                        files.filter(f -> f.getFileName().toString().endsWith(".py"))
                                .anyMatch(Build::mentionsCirrusLib);
                if (uses) {
                    return true;
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return true; // cannot tell: warn
            }
        }
        return false;
    }

    private static boolean mentionsCirrusLib(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("cirrus.lib2") || text.contains("from cirrus import lib2");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }
}
