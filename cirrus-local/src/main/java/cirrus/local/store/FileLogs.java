package cirrus.local.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogStreamNotFoundException;
import cirrus.runtime.port.StoreException;

/**
 * Log streams as files, one line per log event: group {@code /aws/batch/job}, stream {@code
 * def/default/abc} is {@code <root>/aws/batch/job/def/default/abc.log}. Writers (the local Batch
 * emulator) {@linkplain #append append} lines; {@link #lastLines} reads a file backwards, so the
 * last line of a large log costs one small read.
 */
public final class FileLogs implements LogReader {
    private static final int CHUNK = 8192;

    private final Path root;

    public FileLogs(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file of a stream (which may not exist yet). */
    public Path pathOf(String group, String stream) {
        String relativeGroup = group.startsWith("/") ? group.substring(1) : group;
        Path groupDir = SafePath.resolve(root, relativeGroup, "log group");
        return SafePath.resolve(groupDir, stream + ".log", "log stream");
    }

    /** Appends lines (events) to a stream, creating it. */
    public void append(String group, String stream, List<String> lines) {
        Path file = pathOf(group, stream);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.replace("\n", " ")).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StoreException("cannot write log " + file + ": " + e, e);
        }
    }

    @Override
    public List<String> lastLines(String group, String stream, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        Path file = pathOf(group, stream);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            return tail(in, max);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new LogStreamNotFoundException(group, stream);
        } catch (IOException e) {
            throw new StoreException("cannot read log " + file + ": " + e, e);
        }
    }

    /** Reads chunks from the end until {@code max} complete lines are found. */
    private static List<String> tail(RandomAccessFile in, int max) throws IOException {
        long end = in.length();
        long pos = end;
        byte[] collected = new byte[0];
        int newlines = 0;
        while (pos > 0 && newlines <= max) {
            int size = (int) Math.min(CHUNK, pos);
            pos -= size;
            byte[] chunk = new byte[size];
            in.seek(pos);
            in.readFully(chunk);
            for (byte b : chunk) {
                if (b == '\n') {
                    newlines++;
                }
            }
            byte[] joined = new byte[chunk.length + collected.length];
            System.arraycopy(chunk, 0, joined, 0, chunk.length);
            System.arraycopy(collected, 0, joined, chunk.length, collected.length);
            collected = joined;
        }
        String text = new String(collected, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (pos > 0 && !lines.isEmpty()) {
            lines.remove(0); // partial first line
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - max), lines.size());
        return Collections.unmodifiableList(new ArrayList<>(last));
    }
}
