package cirrus.cli.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.operate.OperateSession;
import cirrus.local.http.ServerSettings;
import cirrus.local.http.ServerToken;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Talks to a running {@code cirrus serve}: its URL is {@code --url}, else {@code
 * $CIRRUS_SERVE_URL}, else the one {@code cirrus serve} wrote to {@code <state dir>/serve.json}.
 */
public final class ServeClient {
    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The API of a running `cirrus serve` (default: from serve.json).")
    String url;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "The state directory of the engine (default: <project>/.cirrus/local).")
    Path stateDirectory;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * Made on first request: building an HttpClient initialises TLS (the default SSLContext and its
     * trust store, ~500 classes) and starts a selector thread, and picocli makes this mixin for
     * every {@code payload} subcommand on every {@code payload} call, including the offline ones.
     */
    private HttpClient http;

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    /** The reply of the API. */
    public record Reply(int status, JsonNode body) {
        /** The error message of a failed request. */
        public String error() {
            JsonNode e = body.path("error");
            return e.isMissingNode()
                    ? "HTTP " + status
                    : "error[" + e.path("code").asText() + "] " + e.path("message").asText();
        }
    }

    public URI base() {
        if (url != null) {
            return URI.create(url);
        }
        String env = System.getenv("CIRRUS_SERVE_URL");
        if (env != null && !env.isBlank()) {
            return URI.create(env);
        }
        return serveFile()
                .map(info -> URI.create(info.path("url").asText()))
                .orElseThrow(
                        () ->
                                new LocalCommandException(
                                        "no running `cirrus serve` found ("
                                                + serveFilePath()
                                                + " is missing); start one or pass --url"));
    }

    /**
     * The token for POSTs: {@code $CIRRUS_SERVE_TOKEN}, else the one in serve.json when that file
     * names the server we talk to.
     */
    String token(URI base) {
        String env = System.getenv("CIRRUS_SERVE_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return serveFile()
                .filter(info -> sameServer(URI.create(info.path("url").asText()), base))
                .map(info -> info.path("token").asText(""))
                .orElse("");
    }

    private static boolean sameServer(URI a, URI b) {
        return a.getPort() == b.getPort()
                && ServerSettings.isLoopback(String.valueOf(a.getHost()))
                        == ServerSettings.isLoopback(String.valueOf(b.getHost()))
                && (ServerSettings.isLoopback(String.valueOf(a.getHost()))
                        || String.valueOf(a.getHost()).equalsIgnoreCase(b.getHost()));
    }

    private Path serveFilePath() {
        Path state =
                stateDirectory != null
                        ? stateDirectory
                        : invocationProject()
                                .orElseGet(() -> LocalProject.locate(Optional.empty()))
                                .resolve(".cirrus/local");
        return state.resolve("serve.json");
    }

    /** The project of this invocation ({@code --cirrus-dir}, its working directory), if any. */
    private Optional<Path> invocationProject() {
        return mixee == null ? Optional.empty() : OperateSession.project(mixee);
    }

    private Optional<JsonNode> serveFile() {
        try {
            return Optional.of(Json.parse(Files.readString(serveFilePath())));
        } catch (IOException | InvalidJsonException | LocalCommandException e) {
            return Optional.empty();
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET());
    }

    public Reply post(String path, JsonNode body) {
        URI base = base();
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .header(ServerToken.HEADER, token(base))
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private Reply send(HttpRequest.Builder request) {
        HttpRequest r = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http().send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), Json.parse(response.body()));
        } catch (ConnectException e) {
            throw new LocalCommandException(
                    "no `cirrus serve` answers at "
                            + r.uri().resolve("/")
                            + " (start one with `cirrus serve`)");
        } catch (IOException | InvalidJsonException e) {
            throw new LocalCommandException(
                    "cannot talk to `cirrus serve` at "
                            + r.uri().resolve("/")
                            + ": "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCommandException("interrupted");
        }
    }
}
