package cirrus.plan.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.diag.Location;
import cirrus.plan.bluegreen.LiveRevisions;
import cirrus.plan.report.JsonReport;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateLoader;

/**
 * The template a plan compares with by default: the compiled template as it was last deployed,
 * stored by {@code cirrus plan --accept} under {@code .cirrus/plan/}. Two files: {@code
 * baseline.yml} (or {@code .json}), a byte copy of the accepted template, and {@code
 * baseline-info.json} with the project, the file's SHA-256 and the live blue/green revisions. Both
 * are written to temporary files and moved into place, so a failed accept leaves the previous
 * baseline intact; a baseline whose hash does not match its info is refused.
 */
public final class Baseline {
    /** The baseline directory, relative to the project. */
    public static final Path DIR = Path.of(".cirrus", "plan");

    static final String INFO = "baseline-info.json";
    static final int FORMAT = 1;

    private Baseline() {}

    /**
     * Stores {@code template} (already loaded from its file) as the baseline of the project in
     * {@code projectDir}; returns the stored file.
     */
    public static Path accept(Path projectDir, Template template) {
        Path dir = projectDir.resolve(DIR);
        String extension = template.source().toString().endsWith(".json") ? ".json" : ".yml";
        Path target = dir.resolve("baseline" + extension);
        try {
            Files.createDirectories(dir);
            byte[] bytes = Files.readAllBytes(template.source());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("format", FORMAT);
            info.put("file", target.getFileName().toString());
            info.put("sha256", sha256(bytes));
            info.put("service", template.service().orElse(null));
            info.put("templateFormat", template.format().name().toLowerCase(java.util.Locale.ROOT));
            info.put(
                    "acceptedFrom",
                    projectDir
                            .toAbsolutePath()
                            .normalize()
                            .relativize(template.source().toAbsolutePath().normalize())
                            .toString());
            Map<String, String> live = new LinkedHashMap<>();
            LiveRevisions.of(template).forEach((stem, rev) -> live.put(stem, rev.name()));
            info.put("liveRevisions", live);
            Path tmpTemplate = Files.createTempFile(dir, "baseline", ".tmp");
            Path tmpInfo = Files.createTempFile(dir, "baseline-info", ".tmp");
            Files.write(tmpTemplate, bytes);
            Files.writeString(tmpInfo, JsonReport.write(info));
            for (String other : new String[] {"baseline.yml", "baseline.json"}) {
                if (!other.equals(target.getFileName().toString())) {
                    Files.deleteIfExists(dir.resolve(other));
                }
            }
            move(tmpTemplate, target);
            move(tmpInfo, dir.resolve(INFO));
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new BaselineException(
                    BaselineException.UNWRITABLE,
                    Location.of(dir),
                    "cannot write the baseline: " + e.getMessage(),
                    null,
                    e);
        }
    }

    /** Whether the project has a baseline. */
    public static boolean exists(Path projectDir) {
        return Files.exists(projectDir.resolve(DIR).resolve(INFO));
    }

    /** Loads the baseline of the project in {@code projectDir}. */
    public static Template load(Path projectDir) {
        Path dir = projectDir.resolve(DIR);
        Path infoFile = dir.resolve(INFO);
        if (!Files.exists(infoFile)) {
            throw new BaselineException(
                    BaselineException.MISSING,
                    Location.of(infoFile),
                    "no baseline to plan against",
                    "run 'cirrus plan --accept' after a deploy to store one, or pass --against"
                            + " PATH");
        }
        JsonNode info = readInfo(infoFile);
        Path file = dir.resolve(info.path("file").asText("baseline.yml"));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw damaged(file, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (!sha256(bytes).equals(info.path("sha256").asText())) {
            throw damaged(file, "the baseline file does not match " + INFO + " (edited?)", null);
        }
        return TemplateLoader.load(file);
    }

    /** The live revisions recorded when the baseline was accepted. */
    public static Map<String, String> liveRevisions(Path projectDir) {
        Map<String, String> live = new LinkedHashMap<>();
        Path infoFile = projectDir.resolve(DIR).resolve(INFO);
        if (Files.exists(infoFile)) {
            readInfo(infoFile)
                    .path("liveRevisions")
                    .fields()
                    .forEachRemaining(e -> live.put(e.getKey(), e.getValue().asText()));
        }
        return live;
    }

    /** The recorded service name, if any. */
    public static Optional<String> service(Path projectDir) {
        JsonNode s = readInfo(projectDir.resolve(DIR).resolve(INFO)).path("service");
        return s.isTextual() ? Optional.of(s.asText()) : Optional.empty();
    }

    private static JsonNode readInfo(Path infoFile) {
        try {
            JsonNode node = new ObjectMapper().readTree(infoFile.toFile());
            if (node == null || !node.isObject() || node.path("format").asInt() != FORMAT) {
                throw damaged(infoFile, "unknown baseline format", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            // the original message: getMessage() appends Jackson's source description
            JsonLocation at = e.getLocation();
            throw new BaselineException(
                    BaselineException.DAMAGED,
                    at == null
                            ? Location.of(infoFile)
                            : new Location(infoFile, at.getLineNr(), at.getColumnNr()),
                    "cannot read baseline info: invalid JSON: " + e.getOriginalMessage(),
                    "run 'cirrus plan --accept' again after the next deploy",
                    e);
        } catch (IOException e) {
            throw damaged(infoFile, "cannot read baseline info: " + e.getMessage(), e);
        }
    }

    private static BaselineException damaged(Path file, String message, Throwable cause) {
        return new BaselineException(
                BaselineException.DAMAGED,
                Location.of(file),
                message,
                "run 'cirrus plan --accept' again after the next deploy",
                cause);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
