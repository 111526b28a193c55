package cirrus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/**
 * What {@code cirrus --version} prints: the version of the build, the git commit it was built from
 * (from the resources {@code cirrus/cli/version.properties} and {@code git.properties} that the
 * build writes) and the Java runtime.
 */
public final class VersionInfo implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties build = read("version.properties");
        build.putAll(read("git.properties"));
        String commit = build.getProperty("commit", "").strip();
        return new String[] {
            "cirrus " + build.getProperty("version", "unknown"),
            "commit " + (commit.isEmpty() ? "unknown" : commit),
            "java "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("java.vendor")
                    + ", "
                    + System.getProperty("java.home")
                    + ")"
        };
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
