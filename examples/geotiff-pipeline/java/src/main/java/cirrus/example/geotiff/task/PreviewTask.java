package cirrus.example.geotiff.task;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.example.geotiff.preview.Preview;
import cirrus.example.geotiff.tiff.TiffFormatException;
import cirrus.runtime.payload.PathTemplate;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.PutOptions;
import cirrus.runtime.task.InvalidInput;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskContext;

/**
 * The Batch task {@code preview}: renders a PNG preview of each item's GeoTIFF (see {@link
 * Preview}), writes it next to where publish will put the item ({@code
 * upload_options.path_template} rendered for the item, an {@code s3://} URL; a template without
 * bucket is taken in the bucket of the source file) as {@code <id>_preview.png}, and adds it to the
 * item as asset {@code thumbnail} (roles {@code thumbnail}, {@code overview}).
 *
 * <p>Settings ({@code process.tasks.preview}): {@code asset} (default {@code data}), {@code
 * max_size} (longer side in pixels, 16 to 4096, default {@value #DEFAULT_MAX_SIZE}).
 */
public final class PreviewTask implements Task {
    public static final int DEFAULT_MAX_SIZE = 256;
    public static final String PREVIEW_ASSET = "thumbnail";

    @Override
    public ProcessPayload process(ProcessPayload payload, TaskContext context) {
        JsonNode config = context.config();
        String assetKey = config.path("asset").asText(GeoTiffToStacTask.DEFAULT_ASSET);
        int maxSize = config.path("max_size").asInt(DEFAULT_MAX_SIZE);
        if (maxSize < 16 || maxSize > 4096) {
            throw new InvalidInput(
                    "process.tasks."
                            + context.taskName()
                            + ".max_size must be 16 to 4096, not "
                            + config.path("max_size"));
        }
        PathTemplate template =
                payload.uploadOptions()
                        .pathTemplate()
                        .orElseThrow(
                                () ->
                                        new InvalidInput(
                                                "process.upload_options.path_template is required:"
                                                        + " it says where previews go"));
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode item : payload.features()) {
            SourceRaster source = SourceRaster.load(item, assetKey, context.blobs());
            BufferedImage image;
            try {
                image = Preview.render(source.bytes(), source.tiff(), maxSize);
            } catch (TiffFormatException e) {
                throw new InvalidInput(
                        "item "
                                + item.path("id").asText()
                                + ": "
                                + source.url()
                                + ": "
                                + e.getMessage(),
                        e);
            }
            BlobUrl target = target(template, item, source.url());
            context.blobs()
                    .put(target, Preview.png(image), new PutOptions("image/png", Map.of(), false));
            ObjectNode asset = item.withObjectProperty("assets").putObject(PREVIEW_ASSET);
            asset.put("href", target.toString());
            asset.put("type", "image/png");
            asset.put("title", "Preview (" + image.getWidth() + "x" + image.getHeight() + ")");
            asset.putArray("roles").add("thumbnail").add("overview");
            items.add(item);
        }
        return payload.withFeatures(items);
    }

    private static BlobUrl target(PathTemplate template, ObjectNode item, BlobUrl source) {
        String path = template.render(item);
        String file = item.path("id").asText() + "_preview.png";
        if (path.startsWith("s3://")) {
            return BlobUrl.parse(path.replaceAll("/+$", "") + "/" + file);
        }
        String key = path.replaceAll("^/+", "").replaceAll("/+$", "");
        return new BlobUrl(source.bucket(), key.isEmpty() ? file : key + "/" + file);
    }
}
