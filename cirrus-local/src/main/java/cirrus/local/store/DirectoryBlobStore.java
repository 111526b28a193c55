package cirrus.local.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.PutOptions;
import cirrus.runtime.port.StoreException;

/**
 * Object storage in plain files: {@code s3://bucket/a/b.json} is {@code <root>/bucket/a/b.json}.
 * Every key S3 accepts is stored: what a file name cannot hold ({@code ..}, NUL, long segments, …)
 * is encoded by {@link ObjectKeyPaths}, so no key leaves its bucket directory; writes go to a
 * temporary file under {@code <root>/.tmp} and are renamed into place atomically. Buckets are
 * created on first write. Upload headers and ACLs are accepted and ignored.
 */
public final class DirectoryBlobStore implements BlobStore {
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private final Path root;
    private final Path tmp;

    public DirectoryBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(".tmp");
    }

    /** The directory holding every bucket. */
    public Path root() {
        return root;
    }

    /** Creates the bucket's directory if it does not exist. */
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(bucketDir(bucket));
        } catch (IOException e) {
            throw new StoreException("cannot create bucket " + bucket + ": " + e, e);
        }
    }

    /**
     * The file of an object.
     *
     * @throws IllegalArgumentException when the URL cannot be stored in a directory tree
     */
    public Path pathOf(BlobUrl url) {
        if (url.key().isEmpty()) {
            throw new IllegalArgumentException("object key must not be empty");
        }
        return ObjectKeyPaths.resolve(bucketDir(url.bucket()), url.key());
    }

    private Path bucketDir(String bucket) {
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("invalid bucket name '" + bucket + "'");
        }
        return root.resolve(bucket);
    }

    @Override
    public Optional<byte[]> find(BlobUrl url) {
        Path path = pathOf(url);
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                return Optional.empty();
            }
            throw new StoreException("cannot read " + url + ": " + e, e);
        }
    }

    @Override
    public void put(BlobUrl url, byte[] content, PutOptions options) {
        Path target = pathOf(url);
        try {
            Files.createDirectories(tmp);
            Path temp = tmp.resolve(UUID.randomUUID() + ".part");
            Files.write(temp, content);
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        Files.createDirectories(target.getParent());
                        move(temp, target);
                        return;
                    } catch (NoSuchFileException e) {
                        // a concurrent delete removed the (empty) parent directory: retry
                        if (attempt == 5) {
                            throw e;
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new StoreException(
                    "cannot write "
                            + url
                            + ": a local directory cannot hold both an object and a prefix of the"
                            + " same name ("
                            + e.getFile()
                            + ")",
                    e);
        } catch (IOException e) {
            throw new StoreException("cannot write " + url + ": " + e, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public boolean exists(BlobUrl url) {
        return Files.isRegularFile(pathOf(url));
    }

    @Override
    public List<BlobUrl> list(BlobUrl prefix) {
        Path bucket = bucketDir(prefix.bucket());
        String key = prefix.key();
        int slash = key.lastIndexOf('/');
        Path start = slash < 0 ? bucket : ObjectKeyPaths.resolve(bucket, key.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(Files::isRegularFile)
                    .map(p -> ObjectKeyPaths.key(bucket.relativize(p)))
                    .filter(k -> k.startsWith(key))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new StoreException("cannot list " + prefix + ": " + e, e);
        }
        keys.sort(DirectoryBlobStore::compareUtf8);
        return keys.stream().map(k -> new BlobUrl(prefix.bucket(), k)).toList();
    }

    /** S3 lists keys in UTF-8 byte order. */
    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void delete(BlobUrl url) {
        Path path = pathOf(url);
        Path bucket = bucketDir(url.bucket());
        try {
            if (!Files.isRegularFile(path)) {
                return;
            }
            Files.deleteIfExists(path);
            for (Path dir = path.getParent(); !dir.equals(bucket); dir = dir.getParent()) {
                try {
                    Files.delete(dir);
                } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot delete " + url + ": " + e, e);
        }
    }
}
