package cirrus.example.geotiff.preview;

/**
 * The pixel data of a GeoTIFF cannot be read although its header could, typically because the file
 * was cut short while being copied. Not {@code InvalidInput}: a complete copy may come later, so
 * the payload fails (and may be retried) rather than being marked invalid.
 */
public class CorruptRasterException extends RuntimeException {
    public CorruptRasterException(String message) {
        super(message);
    }
}
