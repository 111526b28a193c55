package cirrus.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cirrus.cli.command.BuildCommand;
import cirrus.cli.command.CleanCommand;
import cirrus.cli.command.CompletionCommand;
import cirrus.cli.command.CreateCommand;
import cirrus.cli.command.CreateComponentCommand;
import cirrus.cli.command.CreateTaskCommand;
import cirrus.cli.command.DeployCommand;
import cirrus.cli.command.HelpCommand;
import cirrus.cli.command.InitCommand;
import cirrus.cli.command.PayloadCommand;
import cirrus.cli.command.PlanCommand;
import cirrus.cli.command.RootCommand;
import cirrus.cli.command.RunCommand;
import cirrus.cli.command.ServeCommand;
import cirrus.cli.command.ServerlessCommand;
import cirrus.cli.command.ShowCloudFormationCommand;
import cirrus.cli.command.ShowCommand;
import cirrus.cli.command.ShowComponentsCommand;
import cirrus.cli.command.ShowPluginsCommand;
import cirrus.cli.command.StatesCommand;
import cirrus.cli.command.ValidateCommand;
import cirrus.cli.operate.DashboardCommand;
import cirrus.cli.operate.ExecutionCommand;
import cirrus.cli.operate.LogsCommand;
import cirrus.cli.output.Console;
import cirrus.cli.output.HelpOptions;
import cirrus.cli.output.HelpRenderer;
import cirrus.cli.output.Terminal;
import cirrus.project.ComponentType;

import picocli.CommandLine;

/**
 * Builds the {@code cirrus} command tree and runs one command line. This is the composition root of
 * the CLI and the one place that turns failures into exit codes (through {@link ErrorHandler}).
 * Tests call {@link #run(String[], PrintWriter, PrintWriter, Environment)} in-process.
 */
public final class Cli {
    private Cli() {}

    /**
     * The command table. Help lists commands in this order: the cirrus v0.15.4 commands
     * alphabetically, then the newer ones.
     */
    static CommandTable commands(CliContext context) {
        return new CommandTable()
                .add(BuildCommand.class, () -> new BuildCommand(context))
                .add(CleanCommand.class, () -> new CleanCommand(context))
                .add(CreateCommand.class, () -> createGroup(context))
                .add(InitCommand.class, () -> new InitCommand(context))
                .add(
                        ServerlessCommand.class,
                        () ->
                                new CommandLine(new ServerlessCommand(context))
                                        .setUnmatchedOptionsArePositionalParams(true))
                .add(ShowCommand.class, () -> showGroup(context))
                // commands beyond cirrus v0.15.4 follow, one add line each
                .add("payload", PayloadCommand.class, PayloadCommand::new)
                .add("states", StatesCommand.class, StatesCommand::new)
                .add(PlanCommand.class, () -> new PlanCommand(context))
                .add(RunCommand.class, () -> new RunCommand(context))
                .add(ServeCommand.class, () -> new ServeCommand(context))
                .add(ValidateCommand.class, () -> new ValidateCommand(context))
                .add(DeployCommand.class, () -> new DeployCommand(context))
                .add("execution", ExecutionCommand.class, ExecutionCommand::new)
                .add("logs", LogsCommand.class, LogsCommand::new)
                .add("dashboard", DashboardCommand.class, () -> new DashboardCommand(context))
                .add(HelpCommand.class, HelpCommand::new)
                .add(CompletionCommand.class, () -> new CompletionCommand(() -> fullTree(context)));
    }

    /**
     * The command tree for {@code args}: the root command, the command {@code args} selects built
     * in full, and the other root commands as stubs (name, aliases, description).
     */
    static CommandLine commandTree(CliContext context, String... args) {
        CommandTable table = commands(context);
        CommandLine stubs = new CommandLine(new RootCommand(context));
        table.addTo(stubs, null);
        String selected = CommandNameResolver.rootCommand(stubs, args, table.names());
        if (selected == null || selected.equals("help")) {
            return stubs;
        }
        CommandLine root = new CommandLine(new RootCommand(context));
        table.addTo(root, selected);
        return root;
    }

    /** Every command built for real, with its help options: what shell completion covers. */
    static CommandLine fullTree(CliContext context) {
        CommandLine root = new CommandLine(new RootCommand(context));
        commands(context).addAllTo(root);
        HelpOptions.ensure(root);
        return root;
    }

    /** {@code cirrus help X Y} as {@code cirrus X Y --help}; other command lines unchanged. */
    private static String[] helpAsOption(CliContext context, String[] args) {
        if (Arrays.stream(args).noneMatch(a -> !a.isEmpty() && "help".startsWith(a))) {
            return args;
        }
        CommandTable table = commands(context);
        CommandLine stubs = new CommandLine(new RootCommand(context));
        table.addTo(stubs, null);
        int index = CommandNameResolver.rootCommandIndex(stubs, args);
        if (index >= 0
                && "help".equals(CommandNameResolver.rootCommand(stubs, args, table.names()))) {
            return HelpCommand.asHelpRequest(args, index);
        }
        return args;
    }

    private static CommandLine createGroup(CliContext context) {
        CommandLine create = new CommandLine(new CreateCommand(context));
        for (ComponentType type : ComponentTypes.alphabetical()) {
            Object command =
                    type == ComponentType.TASK
                            ? new CreateTaskCommand(context)
                            : new CreateComponentCommand(context, type);
            create.addSubcommand(type.typeName(), command);
        }
        return create;
    }

    private static CommandLine showGroup(CliContext context) {
        CommandLine show = new CommandLine(new ShowCommand(context));
        Map<String, Object> commands = new TreeMap<>();
        commands.put("cloudformation", new ShowCloudFormationCommand(context));
        commands.put("plugins", new ShowPluginsCommand(context));
        for (ComponentType type : ComponentType.values()) {
            commands.put(type.groupName(), new ShowComponentsCommand(context, type));
        }
        commands.forEach(show::addSubcommand);
        return show;
    }

    /** Runs {@code args} in the environment of this process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Environment environment = Environment.current();
        Terminal terminal = Terminal.detect(environment.variables());
        return run(args, new Console(out, err, terminal), environment);
    }

    /** Runs {@code args} in {@code environment}, without colours; for tests. */
    public static int run(
            String[] args, PrintWriter out, PrintWriter err, Environment environment) {
        return run(args, new Console(out, err, Terminal.PLAIN), environment);
    }

    private static int run(String[] args, Console console, Environment environment) {
        CliContext context = new CliContext(console, environment);
        ErrorHandler errors = new ErrorHandler(context);
        CommandLine root = null;
        try {
            args = helpAsOption(context, args);
            root = commandTree(context, args);
            configure(root, context, errors);
            return root.execute(CommandNameResolver.resolve(root, args));
        } catch (RuntimeException e) {
            return errors.handle(
                    e, root != null ? root : new CommandLine(new RootCommand(context)));
        } finally {
            console.out().flush();
            console.err().flush();
        }
    }

    private static void configure(CommandLine root, CliContext context, ErrorHandler errors) {
        root.setOut(context.console().out());
        root.setErr(context.console().err());
        root.setParameterExceptionHandler(errors);
        root.setExecutionExceptionHandler(errors);
        root.setExecutionStrategy(
                parseResult -> {
                    Integer help = CommandLine.executeHelpRequest(parseResult);
                    if (help != null) {
                        return help;
                    }
                    RootCommand options = root.getCommand();
                    context.setGlobalOptions(
                            options.cirrusDir(), options.verbosity(), options.stacktrace());
                    try {
                        context.projectDirectory();
                    } catch (RuntimeException e) {
                        return errors.handle(e, root);
                    }
                    return new CommandLine.RunLast().execute(parseResult);
                });
        HelpOptions.ensure(root);
        applyHelp(root);
    }

    private static void applyHelp(CommandLine command) {
        command.setHelpSectionKeys(List.of(HelpRenderer.SECTION));
        command.setHelpSectionMap(Map.of(HelpRenderer.SECTION, new HelpRenderer()));
        for (CommandLine sub : command.getSubcommands().values()) {
            applyHelp(sub);
        }
    }
}
