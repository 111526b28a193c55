package cirrus.example.geotiff.geo;

import java.util.List;

/**
 * Pixel (column, row) → model (x, y) as {@code x = a·col + b·row + c}, {@code y = d·col + e·row +
 * f}, the coefficient order of GDAL's successor rasterio and of STAC's {@code proj:transform}.
 * Pixel (0, 0) is the outer corner of the first pixel.
 */
public record AffineTransform(double a, double b, double c, double d, double e, double f) {
    /** From a tie point (pixel i, j ↔ model x, y) and pixel sizes (scale y positive = north up). */
    public static AffineTransform ofTiePoint(
            double i, double j, double x, double y, double scaleX, double scaleY) {
        return new AffineTransform(scaleX, 0, x - i * scaleX, 0, -scaleY, y + j * scaleY);
    }

    /** The model point of pixel position {@code (col, row)}. */
    public double[] apply(double col, double row) {
        return new double[] {a * col + b * row + c, d * col + e * row + f};
    }

    /** This grid moved by {@code (dCol, dRow)} pixels (e.g. half a pixel for PixelIsPoint). */
    public AffineTransform shifted(double dCol, double dRow) {
        double[] origin = apply(dCol, dRow);
        return new AffineTransform(a, b, origin[0], d, e, origin[1]);
    }

    /** The nine numbers of STAC {@code proj:transform}: the six coefficients then 0, 0, 1. */
    public List<Double> stacTransform() {
        return List.of(a, b, c, d, e, f, 0.0, 0.0, 1.0);
    }
}
