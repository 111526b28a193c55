package cirrus.example.geotiff.tiff;

/** The bytes are not a TIFF this reader understands; the message says why, in one line. */
public class TiffFormatException extends Exception {
    public TiffFormatException(String message) {
        super(message);
    }
}
