package cirrus.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.cli.ExitCode;
import cirrus.cli.local.PayloadFiles;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.stac.StacFinding;
import cirrus.runtime.stac.StacValidator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus payload validate|get-id|template}: check a Cirrus Process Payload, print its id, or
 * print a starter payload. A bad payload gives one line {@code FILE[:LINE:COL]: error[CODE] field:
 * problem} on stderr and exit code 1.
 */
@Command(
        name = "payload",
        description = "Validate process payloads, print their ids, write a starter payload.",
        subcommands = {
            PayloadCommand.Validate.class,
            PayloadCommand.GetId.class,
            PayloadCommand.Template.class,
            PayloadClientCommands.Submit.class,
            PayloadClientCommands.Status.class,
            PayloadClientCommands.ListPayloads.class,
            PayloadClientCommands.Rerun.class
        })
public final class PayloadCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** A payload read from a file or stdin, or the one-line error why it is not one. */
    static final class Loaded {
        final ProcessPayload payload;
        final String error;

        private Loaded(ProcessPayload payload, String error) {
            this.payload = payload;
            this.error = error;
        }

        static Loaded from(String file) {
            String name = file.equals("-") ? "<stdin>" : file;
            String text;
            try {
                text =
                        file.equals("-")
                                ? readStdin()
                                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return new Loaded(null, name + ": error[CIRRUS-P000] no such file");
            } catch (IOException e) {
                return new Loaded(
                        null, name + ": error[CIRRUS-P000] cannot read: " + e.getMessage());
            }
            JsonNode json;
            try {
                json = Json.parse(text);
            } catch (InvalidJsonException e) {
                return new Loaded(
                        null,
                        e.locatedIn(name)
                                + ": error["
                                + InvalidPayloadException.Code.INVALID_JSON.id()
                                + "] "
                                + e.getMessage().replace('\n', ' '));
            }
            try {
                return new Loaded(ProcessPayload.of(json, true), null);
            } catch (InvalidPayloadException e) {
                return new Loaded(null, name + ": error[" + e.code().id() + "] " + e.getMessage());
            }
        }

        private static String readStdin() throws IOException {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code cirrus payload validate FILE|-}. */
    @Command(
            name = "validate",
            description =
                    "Check that FILE (or - for stdin) holds a valid process payload, or a JSON"
                            + " array of them.")
    static final class Validate implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "payload JSON file, or - for stdin")
        String file;

        @Override
        public Integer call() {
            // the same reading as `payload submit` and `run`: one payload or a JSON array of them
            PayloadFiles.Read read = PayloadFiles.read(List.of(file), System.in);
            PrintWriter err = spec.commandLine().getErr();
            if (!read.errors().isEmpty()) {
                read.errors().forEach(err::println);
                return ExitCode.ERROR;
            }
            String name = file.equals("-") ? "<stdin>" : file;
            List<JsonNode> payloads = read.payloads();
            int errors = 0;
            for (int k = 0; k < payloads.size(); k++) {
                ProcessPayload payload = ProcessPayload.of(payloads.get(k), true);
                for (String warning : payload.warnings()) {
                    err.println(name + ": warning: " + warning);
                }
                // every item against the official STAC schemas bundled with cirrus (offline)
                String at = payloads.size() > 1 ? "/" + k : "";
                int found = 0;
                List<ObjectNode> features = payload.features();
                for (int i = 0; i < features.size(); i++) {
                    for (StacFinding f :
                            StacValidator.bundled().check(features.get(i), at + "/features/" + i)) {
                        err.println(name + ": " + f.diagnostic());
                        found += f.error() ? 1 : 0;
                    }
                }
                if (found == 0) {
                    spec.commandLine().getOut().println("valid: " + payload.id());
                }
                errors += found;
            }
            if (errors > 0) {
                return ExitCode.ERROR;
            }
            return ExitCode.OK;
        }
    }

    /** {@code cirrus payload get-id FILE|-}. */
    @Command(
            name = "get-id",
            description = "Print the payload id of FILE (derived from its items if it has none).")
    static final class GetId implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "payload JSON file, or - for stdin")
        String file;

        @Override
        public Integer call() {
            Loaded loaded = Loaded.from(file);
            if (loaded.error != null) {
                spec.commandLine().getErr().println(loaded.error);
                return ExitCode.ERROR;
            }
            spec.commandLine().getOut().println(loaded.payload.id());
            return ExitCode.OK;
        }
    }

    /** {@code cirrus payload template [--workflow NAME] [--collections A,B]}. */
    @Command(name = "template", description = "Print a starter process payload to fill in.")
    static final class Template implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--workflow",
                paramLabel = "NAME",
                defaultValue = "my-workflow",
                description = "workflow to run (default: ${DEFAULT-VALUE})")
        String workflow;

        @Option(
                names = "--collections",
                paramLabel = "COLLECTION",
                split = ",",
                defaultValue = "my-collection",
                description =
                        "collections of the input items, comma-separated (default: ${DEFAULT-VALUE})")
        List<String> collections;

        @Override
        public Integer call() throws JsonProcessingException {
            ObjectNode payload = Json.MAPPER.createObjectNode();
            payload.put("type", "FeatureCollection");
            ArrayNode features = payload.putArray("features");
            for (String collection : collections) {
                ObjectNode item = features.addObject();
                item.put("type", "Feature")
                        .put("stac_version", "1.0.0")
                        .put("id", "REPLACE-WITH-ITEM-ID");
                item.put("collection", collection);
                item.putNull("geometry");
                item.putObject("properties").put("datetime", "2020-01-01T00:00:00Z");
                item.putObject("assets");
                // STAC 1.0.0: an item that names its collection links to it
                item.putArray("links")
                        .addObject()
                        .put("rel", "collection")
                        .put("href", "REPLACE-WITH-COLLECTION-URL")
                        .put("type", "application/json");
            }
            ObjectNode process = payload.putObject("process");
            process.put("workflow", workflow);
            ObjectNode upload = process.putObject("upload_options");
            upload.put("path_template", "/${collection}/${year}/${month}/${day}/${id}");
            ObjectNode byId = upload.putObject("collections");
            collections.forEach(c -> byId.put(c, ".*"));
            process.putObject("tasks");
            try {
                ProcessPayload.of(payload, true);
            } catch (InvalidPayloadException e) {
                spec.commandLine()
                        .getErr()
                        .println("error[" + e.code().id() + "] " + e.getMessage());
                return ExitCode.ERROR;
            }
            spec.commandLine()
                    .getOut()
                    .println(
                            Json.MAPPER
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(payload));
            return ExitCode.OK;
        }
    }
}
