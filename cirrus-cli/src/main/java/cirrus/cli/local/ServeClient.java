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

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

import picocli.CommandLine.Option;

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
        Path state =
                stateDirectory != null
                        ? stateDirectory
                        : LocalProject.locate(Optional.empty()).resolve(".cirrus/local");
        Path file = state.resolve("serve.json");
        try {
            return URI.create(Json.parse(Files.readString(file)).path("url").asText());
        } catch (IOException | InvalidJsonException e) {
            throw new LocalCommandException(
                    "no running `cirrus serve` found ("
                            + file
                            + " is missing); start one or pass --url");
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET());
    }

    public Reply post(String path, JsonNode body) {
        return send(
                HttpRequest.newBuilder(base().resolve(path))
                        .header("Content-Type", "application/json")
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
