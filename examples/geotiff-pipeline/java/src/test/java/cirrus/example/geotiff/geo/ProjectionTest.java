package cirrus.example.geotiff.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * The inverse (and forward) projections against PROJ 9.1.1 ({@code cs2cs -f %.9f EPSG:xxxx
 * EPSG:4326}), values copied from its output; 1e-8 degrees is about a millimetre.
 */
class ProjectionTest {
    private static final double DEGREES = 1e-8;

    private static void assertLonLat(Projection p, double x, double y, double lon, double lat) {
        double[] ll = p.toLonLat(x, y);
        assertThat(ll[0])
                .as("lon of (%s, %s) in EPSG:%s", x, y, p.epsg())
                .isCloseTo(lon, within(DEGREES));
        assertThat(ll[1])
                .as("lat of (%s, %s) in EPSG:%s", x, y, p.epsg())
                .isCloseTo(lat, within(DEGREES));
    }

    @Test
    void utmNorthMatchesProj() {
        Projection utm33n = Projection.ofEpsg(32633).orElseThrow();
        assertLonLat(utm33n, 500000, 0, 15, 0);
        assertLonLat(utm33n, 166021.443, 0, 11.999999999, 0);
        assertLonLat(utm33n, 500000, 5000000, 15, 45.153477183);
        assertLonLat(utm33n, 250000, 7500000, 9.136360836, 67.509388487);
        assertLonLat(utm33n, 400000, 5100000, 13.707467964, 46.046265456);
        assertLonLat(utm33n, 409600, 5092800, 13.832887427, 45.982812399);
    }

    @Test
    void utmSouthMatchesProj() {
        Projection utm56s = Projection.ofEpsg(32756).orElseThrow();
        assertLonLat(utm56s, 300000, 6000000, 150.777608615, -36.124095832);
        assertLonLat(utm56s, 330000, 6256000, 151.163065256, -33.822566693);
        assertLonLat(utm56s, 334000, 6260000, 151.207020946, -33.787143737);
    }

    @Test
    void utmForwardMatchesProjFarFromTheCentralMeridian() {
        Projection utm31n = Projection.ofEpsg(32631).orElseThrow();
        double[] xy = utm31n.fromLonLat(10, 45);
        assertThat(xy[0]).isCloseTo(1051706.2648, within(0.001));
        assertThat(xy[1]).isCloseTo(5006840.9669, within(0.001));
    }

    @Test
    void webMercatorMatchesProj() {
        Projection mercator = Projection.ofEpsg(3857).orElseThrow();
        assertLonLat(mercator, 1000000, 6000000, 8.983152841, 47.353704702);
        assertLonLat(mercator, 1025600, 5974400, 9.213121554, 47.197677667);
        assertLonLat(mercator, 0, 0, 0, 0);
    }

    @Test
    void geographicIsTheIdentityAndOtherCodesAreUnknown() {
        assertLonLat(Projection.ofEpsg(4326).orElseThrow(), 10.5, -45.25, 10.5, -45.25);
        assertThat(Projection.ofEpsg(2056)).isEmpty();
        assertThat(Projection.ofEpsg(32661)).as("UPS north is not a UTM zone").isEmpty();
        assertThat(Projection.ofEpsg(32600)).isEmpty();
    }

    /** Krüger's series to third order: the round trip is good to a millimetre (1e-8 degrees). */
    @Test
    void utmInverseUndoesForwardWithinAZone() {
        qt().forAll(
                        integers().between(1, 60),
                        doubles().between(-3.5, 3.5),
                        doubles().between(-80, 84))
                .checkAssert(
                        (zone, dLon, lat) -> {
                            Projection p =
                                    Projection.ofEpsg((lat < 0 ? 32700 : 32600) + zone)
                                            .orElseThrow();
                            double lon = zone * 6.0 - 183.0 + dLon;
                            double[] xy = p.fromLonLat(lon, lat);
                            double[] back = p.toLonLat(xy[0], xy[1]);
                            assertThat(back[0]).isCloseTo(lon, within(1e-8));
                            assertThat(back[1]).isCloseTo(lat, within(1e-8));
                        });
    }

    @Test
    void webMercatorInverseUndoesForward() {
        Projection p = Projection.ofEpsg(3857).orElseThrow();
        qt().forAll(doubles().between(-180, 180), doubles().between(-85, 85))
                .checkAssert(
                        (lon, lat) -> {
                            double[] xy = p.fromLonLat(lon, lat);
                            double[] back = p.toLonLat(xy[0], xy[1]);
                            assertThat(back[0]).isCloseTo(lon, within(1e-9));
                            assertThat(back[1]).isCloseTo(lat, within(1e-9));
                        });
    }
}
