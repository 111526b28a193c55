package cirrus.local.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import cirrus.local.http.WebReply;

/**
 * The dashboard's static files, read once from the class path: its own pages and scripts, and the
 * graph-layout and chart libraries from their webjars. Only the names listed here are served, so no
 * request path ever reaches a file system or class-path lookup (no traversal).
 */
final class DashboardAssets {
    private record Asset(String contentType, byte[] bytes) {}

    private static final String OWN = "cirrus/dashboard/";

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    DashboardAssets() {
        own("app.js", "text/javascript");
        own("pages.js", "text/javascript");
        own("graph.js", "text/javascript");
        own("style.css", "text/css");
        own("favicon.svg", "image/svg+xml");
        webjar("cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js");
        webjar("dagre", "dist/dagre.min.js", "dagre.min.js");
        webjar("chart.js", "dist/chart.umd.min.js", "chart.umd.min.js");
    }

    /** The HTML page, with the server's token for the page's POSTs. */
    byte[] page() {
        return read(OWN + "index.html");
    }

    /** The asset {@code name}, or empty for any name not listed. */
    Optional<WebReply> get(String name) {
        Asset a = assets.get(name);
        if (a == null) {
            return Optional.empty();
        }
        return Optional.of(
                new WebReply.Bytes(
                        200,
                        a.contentType()
                                + (a.contentType().startsWith("text/") ? "; charset=utf-8" : ""),
                        a.bytes(),
                        Map.of("Cache-Control", "no-cache")));
    }

    private void own(String name, String type) {
        assets.put(name, new Asset(type, read(OWN + name)));
    }

    private void webjar(String artifact, String path, String name) {
        String version = webjarVersion(artifact);
        assets.put(
                name,
                new Asset(
                        "text/javascript",
                        read(
                                "META-INF/resources/webjars/"
                                        + artifact
                                        + "/"
                                        + version
                                        + "/"
                                        + path)));
    }

    private static String webjarVersion(String artifact) {
        String props = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = resource(props)) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the dashboard's " + name + " is not on the class path");
        }
        return in;
    }
}
