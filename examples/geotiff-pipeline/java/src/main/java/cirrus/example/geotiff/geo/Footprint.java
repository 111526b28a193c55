package cirrus.example.geotiff.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a raster lies on the globe: its four corners in longitude/latitude (counter-clockwise,
 * upper-left first, as a GeoJSON polygon ring wants them) and the bounding box of its outline, each
 * edge sampled at {@value #EDGE_POINTS} points because straight edges in a projected system are
 * curves in longitude/latitude.
 *
 * @param ring the closed ring: upper-left, lower-left, lower-right, upper-right, upper-left
 * @param bbox west, south, east, north in degrees
 * @param nativeBbox min x, min y, max x, max y in the raster's own system
 */
public record Footprint(List<double[]> ring, double[] bbox, double[] nativeBbox) {
    static final int EDGE_POINTS = 21;

    public Footprint {
        ring = List.copyOf(ring);
        bbox = bbox.clone();
        nativeBbox = nativeBbox.clone();
    }

    static Footprint of(GeoTiff tiff) {
        double w = tiff.width();
        double h = tiff.height();
        double[][] corners = {{0, 0}, {0, h}, {w, h}, {w, 0}};
        List<double[]> ring = new ArrayList<>();
        double[] bbox = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] nat = bbox.clone();
        for (int c = 0; c < 4; c++) {
            double[] from = corners[c];
            double[] to = corners[(c + 1) % 4];
            ring.add(lonLat(tiff, from[0], from[1]));
            for (int i = 0; i < EDGE_POINTS; i++) {
                double t = i / (double) (EDGE_POINTS - 1);
                double col = from[0] + (to[0] - from[0]) * t;
                double row = from[1] + (to[1] - from[1]) * t;
                extend(bbox, lonLat(tiff, col, row));
                extend(nat, tiff.transform().apply(col, row));
            }
        }
        ring.add(ring.get(0));
        return new Footprint(ring, bbox, nat);
    }

    private static double[] lonLat(GeoTiff tiff, double col, double row) {
        double[] xy = tiff.transform().apply(col, row);
        return tiff.projection().toLonLat(xy[0], xy[1]);
    }

    private static void extend(double[] box, double[] p) {
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.min(box[1], p[1]);
        box[2] = Math.max(box[2], p[0]);
        box[3] = Math.max(box[3], p[1]);
    }

    @Override
    public List<double[]> ring() {
        return ring.stream().map(double[]::clone).toList();
    }

    @Override
    public double[] bbox() {
        return bbox.clone();
    }

    @Override
    public double[] nativeBbox() {
        return nativeBbox.clone();
    }
}
