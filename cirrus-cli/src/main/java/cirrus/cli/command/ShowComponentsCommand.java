package cirrus.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.output.Terminal;
import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentFile;
import cirrus.project.ComponentType;
import cirrus.project.LambdaComponent;
import cirrus.project.ProjectException;
import cirrus.project.Task;
import cirrus.yaml.YamlWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cirrus show <group> [NAME [FILE]]}: lists the components of a group, shows one in detail
 * (files, Lambda and Batch configuration as the build computes them), or prints one of its files by
 * key ({@code definition}, {@code handler}, {@code readme}, {@code test_payload}).
 */
@Command
public final class ShowComponentsCommand implements Callable<Integer> {
    /** Error code: no component or file of that name. */
    public static final String UNKNOWN = "CIRRUS-S001";

    @Parameters(index = "0", arity = "0..1", paramLabel = "name")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "filename")
    String file;

    @Mixin HelpOption help;

    private final CliContext context;
    private final ComponentType type;

    public ShowComponentsCommand(CliContext context, ComponentType type) {
        this.context = context;
        this.type = type;
    }

    @Override
    public Integer call() throws IOException {
        if (context.projectDirectory().isEmpty()) {
            context.console()
                    .warn(
                            "No cirrus project specified; limited to "
                                    + capitalised(type.groupName())
                                    + " built-in and from plugins.");
        }
        List<Component> components = context.project().components(type);
        PrintWriter out = context.console().out();
        if (name == null) {
            Terminal terminal = context.console().terminal();
            for (Component c : components) {
                String line = c.displayName() + ":";
                if (!c.description().isEmpty()) {
                    line += " " + c.description();
                }
                Terminal.Colour colour = c.isActive() ? Terminal.Colour.BLUE : Terminal.Colour.RED;
                out.println(terminal.paint(line, colour));
            }
            return ExitCode.OK;
        }
        Component component =
                context.project()
                        .component(type, name)
                        .orElseThrow(() -> unknown(type.typeName() + " '" + name + "'"));
        if (file == null) {
            out.print(detail(component));
        } else {
            out.print(fileContent(component, file));
        }
        return ExitCode.OK;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static ProjectException unknown(String what) {
        return new ProjectException(UNKNOWN, "Cannot show: unknown " + what);
    }

    private String fileContent(Component component, String key) throws IOException {
        Optional<ComponentFile> declared =
                files(component).stream().filter(f -> f.key().equals(key)).findFirst();
        if (declared.isEmpty()) {
            throw unknown("file '" + key + "'");
        }
        Path path = component.info().file(declared.get());
        if (!Files.isRegularFile(path)) {
            throw new ProjectException(
                    UNKNOWN,
                    "Cannot show: "
                            + component.type().typeName()
                            + " '"
                            + component.name()
                            + "' has no "
                            + declared.get().fileName());
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    /** The detail view of a component, as cirrus v0.15.4 prints it. */
    static String detail(Component component) {
        StringBuilder text = new StringBuilder(component.displayName()).append('\n');
        if (!component.description().isEmpty()) {
            text.append(component.description()).append('\n');
        }
        text.append("\nFiles:\n");
        for (ComponentFile f : files(component)) {
            text.append("  ").append(f.key()).append(": ").append(f.fileName()).append('\n');
        }
        if (component instanceof LambdaComponent lambda) {
            text.append("\nLambda enabled: ").append(python(lambda.lambda().enabled()));
            text.append("\nLambda config:\n");
            text.append(YamlWriter.writeIndented(lambda.lambda().config(), 2));
        }
        if (component instanceof Task task) {
            text.append("\nBatch enabled: ").append(python(task.batch().enabled())).append('\n');
            if (task.batch().isDeclared()) {
                text.append("Batch resources:\n");
                boolean first = true;
                for (CloudFormationObject o : task.batch().resources()) {
                    if (!first) {
                        text.append('\n');
                    }
                    first = false;
                    text.append("  ").append(o.name()).append(":\n");
                    text.append(YamlWriter.writeIndented(o.definition(), 4));
                }
            }
        }
        return text.toString();
    }

    /**
     * The files of {@code component}: those its type declares, less the Python handler file of a
     * project task or function that has none (a Java Lambda, a Batch-only task). Built-in
     * components keep cirrus v0.15.4's list.
     */
    static List<ComponentFile> files(Component component) {
        if (component.source().isBuiltIn()
                || !(component instanceof LambdaComponent lambda)
                || lambda.lambda().handlerFile().isPresent()) {
            return component.info().files();
        }
        return component.info().files().stream().filter(f -> !f.key().equals("handler")).toList();
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }
}
