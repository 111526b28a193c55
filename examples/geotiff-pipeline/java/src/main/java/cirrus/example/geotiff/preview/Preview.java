package cirrus.example.geotiff.preview;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import cirrus.example.geotiff.geo.GeoTiff;
import cirrus.example.geotiff.tiff.TiffFormatException;

/**
 * Renders a PNG preview of a GeoTIFF: at most {@code maxSize} pixels on its longer side (aspect
 * kept, never enlarged), nearest-neighbour sampled; one band as grey, three or more as RGB from the
 * first three; 8-bit data as is, other types with a 2–98 % {@link PercentStretch} per band; nodata
 * and NaN pixels transparent.
 */
public final class Preview {
    public static final double LOW_PERCENT = 2;
    public static final double HIGH_PERCENT = 98;

    private Preview() {}

    /** The preview's width and height for a raster of {@code width × height}. */
    public static int[] size(int width, int height, int maxSize) {
        double factor = Math.min(1.0, maxSize / (double) Math.max(width, height));
        return new int[] {
            Math.max(1, (int) Math.round(width * factor)),
            Math.max(1, (int) Math.round(height * factor))
        };
    }

    /**
     * The preview image.
     *
     * @throws TiffFormatException when the pixel layout is damaged
     * @throws CorruptRasterException when the pixel data is cut short or undecodable
     */
    public static BufferedImage render(byte[] file, GeoTiff tiff, int maxSize)
            throws TiffFormatException {
        PixelBlocks pixels = new PixelBlocks(file, tiff);
        int[] size = size(tiff.width(), tiff.height(), maxSize);
        int w = size[0];
        int h = size[1];
        int channels = tiff.bands() >= 3 ? 3 : 1;
        double[][] values = new double[channels][w * h];
        boolean[] transparent = new boolean[w * h];
        double nodata = tiff.nodata().orElse(Double.NaN);
        for (int y = 0; y < h; y++) {
            int row = (int) ((y + 0.5) * tiff.height() / h);
            for (int x = 0; x < w; x++) {
                int col = (int) ((x + 0.5) * tiff.width() / w);
                for (int c = 0; c < channels; c++) {
                    double v = pixels.sample(col, row, c);
                    if (Double.isNaN(v) || v == nodata) {
                        transparent[y * w + x] = true;
                        v = Double.NaN;
                    }
                    values[c][y * w + x] = v;
                }
            }
        }
        PercentStretch[] stretches = new PercentStretch[channels];
        for (int c = 0; c < channels; c++) {
            stretches[c] =
                    tiff.bitsPerSample() == 8 && tiff.sampleFormat() == 1
                            ? PercentStretch.EIGHT_BIT
                            : PercentStretch.of(values[c], LOW_PERCENT, HIGH_PERCENT);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < w * h; i++) {
            int argb = 0;
            if (!transparent[i]) {
                int r = stretches[0].apply(values[0][i]);
                int g = channels == 3 ? stretches[1].apply(values[1][i]) : r;
                int b = channels == 3 ? stretches[2].apply(values[2][i]) : r;
                argb = 0xff000000 | r << 16 | g << 8 | b;
            }
            image.setRGB(i % w, i / w, argb);
        }
        return image;
    }

    /** The image as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("the JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
