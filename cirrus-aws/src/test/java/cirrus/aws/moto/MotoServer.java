package cirrus.aws.moto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} on 127.0.0.1 and a free port, shared by every test class of the module run
 * (started on first use, stopped by PID when the JVM exits).
 *
 * <p>It runs through {@code moto_launcher.py}, which applies the two moto 5.2.1 workarounds
 * (getmoto/moto#10077 and #10076), with {@code MOTO_PORT} equal to the port so that moto's Step
 * Functions interpreter calls Batch and Lambda back on the same server. After start it sets {@code
 * batch.use_docker=false}, {@code lambda.use_docker=false} and {@code
 * stepfunctions.execute_state_machine=true} through {@code /moto-api/config}; {@link #reset()}
 * wipes every resource (the config survives).
 */
public final class MotoServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONFIG =
            "{\"batch\":{\"use_docker\":false},\"lambda\":{\"use_docker\":false},"
                    + "\"stepfunctions\":{\"execute_state_machine\":true}}";

    /** The configuration tests run with (set at start; restore it after {@link #configure}). */
    public static final String DEFAULT_CONFIG = CONFIG;

    /**
     * The configuration under which the Lambda functions and state machines that CloudFormation
     * created are visible to their own APIs: moto 5.2.1 keeps them in its regular backends, while
     * Docker-less Lambda and executing Step Functions use separate ones.
     */
    public static final String CLOUDFORMATION_VIEW_CONFIG =
            "{\"batch\":{\"use_docker\":false},\"lambda\":{\"use_docker\":true},"
                    + "\"stepfunctions\":{\"execute_state_machine\":false}}";

    private static MotoServer shared;

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dir;

    private MotoServer(Process process, int port, Path log, Path dir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dir = dir;
    }

    /**
     * Why moto cannot run here ({@code moto_server} not on {@code PATH}, or {@code python3} cannot
     * import moto), or empty when it can.
     */
    public static synchronized Optional<String> unavailableReason() {
        if (findOnPath("moto_server").isEmpty()) {
            return Optional.of(
                    "moto_server is not on PATH (install: pip install 'moto[server]==5.2.1')");
        }
        try {
            Process check =
                    new ProcessBuilder("python3", "-c", "import moto.server, botocore")
                            .redirectErrorStream(true)
                            .start();
            String out = new String(check.getInputStream().readAllBytes(), UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                return Optional.of("python3 cannot import moto.server: " + out.strip());
            }
        } catch (IOException e) {
            return Optional.of("cannot run python3: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking moto");
        }
        return Optional.empty();
    }

    /** The server of this JVM, started (and configured) on first call. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
            MotoServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "moto-stop"));
        }
        return shared;
    }

    /**
     * A server of its own for one test class (e.g. one that turns on IAM enforcement, which is
     * server-wide); the caller stops it with {@link #stop()}.
     */
    public static MotoServer startPrivate() {
        return start();
    }

    /**
     * Turns IAM enforcement on ({@code /moto-api/reset-auth 0}: every later request must be signed
     * by an IAM user's access key whose policies allow the action) or off ({@code inf}).
     */
    public void enforceIam(boolean on) {
        post("/moto-api/reset-auth", on ? "0" : "inf");
    }

    private static MotoServer start() {
        try {
            Path dir = Files.createTempDirectory("cirrus-moto");
            Path launcher = dir.resolve("moto_launcher.py");
            try (InputStream in = MotoServer.class.getResourceAsStream("moto_launcher.py")) {
                Files.copy(in, launcher);
            }
            Path log = dir.resolve("moto.log");
            int port = freePort();
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    "python3",
                                    launcher.toString(),
                                    "-H",
                                    "127.0.0.1",
                                    "-p",
                                    Integer.toString(port))
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            builder.environment().put("MOTO_PORT", Integer.toString(port));
            builder.environment()
                    .put("CIRRUS_MOTO_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            builder.environment().put("AWS_ACCESS_KEY_ID", "test");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            MotoServer server = new MotoServer(builder.start(), port, log, dir);
            server.awaitReady();
            server.post("/moto-api/config", CONFIG);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto_server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Sets moto's configuration ({@code /moto-api/config}), e.g. {@link
     * #CLOUDFORMATION_VIEW_CONFIG}.
     */
    public void configure(String json) {
        post("/moto-api/config", json);
    }

    /** Deletes every resource of every service (the configuration is kept). */
    public void reset() {
        post("/moto-api/reset", "");
    }

    /** Stops the server by its PID (and any children), waiting a bounded time. */
    public void stop() {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(dir.resolve("moto_launcher.py"));
            Files.deleteIfExists(log);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "moto_server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpURLConnection c = open("/moto-api/config", "GET");
                int status = c.getResponseCode();
                c.disconnect();
                if (status / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        stop();
        throw new IllegalStateException(
                "moto_server not ready on port "
                        + port
                        + " after "
                        + START_TIMEOUT
                        + ":\n"
                        + logTail());
    }

    private void post(String path, String body) {
        try {
            HttpURLConnection c = open(path, "POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.getOutputStream().write(body.getBytes(UTF_8));
            int status = c.getResponseCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("moto " + path + " answered HTTP " + status);
            }
            c.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("moto " + path + " failed:\n" + logTail(), e);
        }
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint().resolve(path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2_000);
        c.setReadTimeout(30_000);
        return c;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
