package cirrus.example.geotiff.geo;

/**
 * Transverse Mercator on the WGS 84 ellipsoid with Krüger's series to the third order of the third
 * flattening (accurate to about a millimetre within a UTM zone), as used by the UTM zones.
 *
 * @param epsg the EPSG code
 * @param centralMeridian the longitude of origin in degrees
 * @param falseEasting metres added to eastings
 * @param falseNorthing metres added to northings (10 000 km in the south)
 * @param scale the scale factor on the central meridian
 */
public record TransverseMercator(
        int epsg, double centralMeridian, double falseEasting, double falseNorthing, double scale)
        implements Projection {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final double N = F / (2 - F);

    /** The radius of the rectifying sphere. */
    private static final double RECTIFYING = A / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);

    private static final double[] ALPHA = {
        N / 2 - 2 * N * N / 3 + 5 * N * N * N / 16,
        13 * N * N / 48 - 3 * N * N * N / 5,
        61 * N * N * N / 240
    };
    private static final double[] BETA = {
        N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96,
        N * N / 48 + N * N * N / 15,
        17 * N * N * N / 480
    };
    private static final double[] DELTA = {
        2 * N - 2 * N * N / 3 - 2 * N * N * N,
        7 * N * N / 3 - 8 * N * N * N / 5,
        56 * N * N * N / 15
    };
    private static final double TWO_ROOT_N = 2 * Math.sqrt(N) / (1 + N);

    /** UTM zone {@code zone} (1–60) of the northern or southern hemisphere. */
    public static TransverseMercator utm(int zone, boolean south) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zones are 1 to 60, not " + zone);
        }
        return new TransverseMercator(
                (south ? 32700 : 32600) + zone,
                zone * 6.0 - 183.0,
                500_000.0,
                south ? 10_000_000.0 : 0.0,
                0.9996);
    }

    @Override
    public double[] toLonLat(double x, double y) {
        double xi = (y - falseNorthing) / (scale * RECTIFYING);
        double eta = (x - falseEasting) / (scale * RECTIFYING);
        double xiP = xi;
        double etaP = eta;
        for (int j = 1; j <= 3; j++) {
            xiP -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
            etaP -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
        }
        double chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
        double phi = chi;
        for (int j = 1; j <= 3; j++) {
            phi += DELTA[j - 1] * Math.sin(2 * j * chi);
        }
        double lambda = Math.atan2(Math.sinh(etaP), Math.cos(xiP));
        return new double[] {centralMeridian + Math.toDegrees(lambda), Math.toDegrees(phi)};
    }

    @Override
    public double[] fromLonLat(double lon, double lat) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon - centralMeridian);
        double sinPhi = Math.sin(phi);
        double t = Math.sinh(atanh(sinPhi) - TWO_ROOT_N * atanh(TWO_ROOT_N * sinPhi));
        double xiP = Math.atan2(t, Math.cos(lambda));
        double etaP = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
        double xi = xiP;
        double eta = etaP;
        for (int j = 1; j <= 3; j++) {
            xi += ALPHA[j - 1] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
            eta += ALPHA[j - 1] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
        }
        return new double[] {
            falseEasting + scale * RECTIFYING * eta, falseNorthing + scale * RECTIFYING * xi
        };
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }
}
