package cirrus.example.geotiff.geo;

import java.util.Optional;

/**
 * A coordinate reference system this example can convert to and from longitude/latitude on WGS 84:
 * EPSG:4326 itself, Web Mercator (EPSG:3857) and the UTM zones (EPSG:326xx north, EPSG:327xx
 * south).
 */
public sealed interface Projection
        permits Projection.Geographic, Projection.WebMercator, TransverseMercator {
    /** The EPSG code. */
    int epsg();

    /** Longitude and latitude in degrees of the point {@code (x, y)} of this system. */
    double[] toLonLat(double x, double y);

    /** The point of this system at longitude {@code lon} and latitude {@code lat} (degrees). */
    double[] fromLonLat(double lon, double lat);

    /** The projection of an EPSG code, if this example knows it. */
    static Optional<Projection> ofEpsg(int epsg) {
        if (epsg == Geographic.EPSG) {
            return Optional.of(new Geographic());
        }
        if (epsg == WebMercator.EPSG || epsg == WebMercator.LEGACY_EPSG) {
            return Optional.of(new WebMercator(epsg));
        }
        if (epsg >= 32601 && epsg <= 32660) {
            return Optional.of(TransverseMercator.utm(epsg - 32600, false));
        }
        if (epsg >= 32701 && epsg <= 32760) {
            return Optional.of(TransverseMercator.utm(epsg - 32700, true));
        }
        return Optional.empty();
    }

    /** WGS 84 longitude/latitude, the identity. */
    record Geographic() implements Projection {
        static final int EPSG = 4326;

        @Override
        public int epsg() {
            return EPSG;
        }

        @Override
        public double[] toLonLat(double x, double y) {
            return new double[] {x, y};
        }

        @Override
        public double[] fromLonLat(double lon, double lat) {
            return new double[] {lon, lat};
        }
    }

    /**
     * Spherical ("pseudo") Mercator on the WGS 84 semi-major axis, EPSG:3857 (also accepted under
     * its old code 900913).
     */
    record WebMercator(int epsg) implements Projection {
        static final int EPSG = 3857;
        static final int LEGACY_EPSG = 900913;
        private static final double RADIUS = 6378137.0;

        @Override
        public double[] toLonLat(double x, double y) {
            double lon = Math.toDegrees(x / RADIUS);
            double lat = Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
            return new double[] {lon, lat};
        }

        @Override
        public double[] fromLonLat(double lon, double lat) {
            double x = RADIUS * Math.toRadians(lon);
            double y = RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
            return new double[] {x, y};
        }
    }
}
