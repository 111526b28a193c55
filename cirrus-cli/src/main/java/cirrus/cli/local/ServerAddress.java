package cirrus.cli.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import cirrus.local.http.ServerSettings;

/** The listening address of {@code serve}/{@code dashboard} and the file that announces it. */
public final class ServerAddress {
    private ServerAddress() {}

    /** The settings for {@code --host}/{@code --port}/{@code --allow-remote}. */
    public static ServerSettings settings(String host, int port, boolean allowRemote) {
        try {
            return ServerSettings.loopback(port).withHost(host, allowRemote);
        } catch (IllegalArgumentException e) {
            throw new LocalCommandException(e.getMessage());
        }
    }

    /** Warns on stderr when the server is reachable from other machines. */
    public static void warnIfRemote(ServerSettings settings, String command, PrintWriter err) {
        if (!ServerSettings.isLoopback(settings.host())) {
            err.println(
                    command
                            + ": warning: listening on "
                            + settings.host()
                            + ", not loopback: anyone who can reach this machine can read the"
                            + " payload states and logs it shows (plain HTTP, no login)");
        }
    }

    /** Writes {@code text} to {@code file} readable by its owner only (it holds the token). */
    public static void writePrivate(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temp,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
