package cirrus.local.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Ensures one engine per state directory: an exclusive lock on {@code <state dir>/engine.lock},
 * which the operating system releases when the process dies (even on {@code kill -9}), so a
 * restarted engine takes over at once. The file holds the owner's process id.
 */
final class EngineLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock.
     *
     * @throws EngineBusyException when another engine holds it
     */
    static EngineLock acquire(Path stateDirectory) throws IOException {
        Files.createDirectories(stateDirectory);
        Path file = stateDirectory.resolve("engine.lock");
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new EngineBusyException(
                    "another cirrus engine"
                            + (owner.isEmpty() ? "" : " (process " + owner + ")")
                            + " is running on "
                            + stateDirectory
                            + "; stop it, or send it payloads with `cirrus payload submit`");
        }
        channel.truncate(0);
        channel.write(
                java.nio.ByteBuffer.wrap(
                        Long.toString(ProcessHandle.current().pid())
                                .getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new EngineLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
