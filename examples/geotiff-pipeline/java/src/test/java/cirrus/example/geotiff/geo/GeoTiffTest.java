package cirrus.example.geotiff.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cirrus.example.geotiff.samples.SampleGeoTiffs;
import cirrus.example.geotiff.samples.SampleRaster;
import cirrus.example.geotiff.tiff.TiffFormatException;

class GeoTiffTest {
    private static byte[] sample(String name) {
        return SampleGeoTiffs.ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .map(SampleRaster::toBytes)
                .orElseThrow();
    }

    @Test
    void readsSizeTypeCrsGridTimeAndNodataFromTheHeader() throws Exception {
        GeoTiff utm = GeoTiff.read(sample("utm33n-uint16"));
        assertThat(utm.width()).isEqualTo(320);
        assertThat(utm.height()).isEqualTo(240);
        assertThat(utm.bands()).isEqualTo(1);
        assertThat(utm.dataType()).isEqualTo("uint16");
        assertThat(utm.projection().epsg()).isEqualTo(32633);
        assertThat(utm.transform()).isEqualTo(new AffineTransform(30, 0, 400000, 0, -30, 5100000));
        assertThat(utm.datetime()).contains(Instant.parse("2024-05-14T09:45:12Z"));
        assertThat(utm.nodata()).isEmpty();

        GeoTiff rgb = GeoTiff.read(sample("wgs84-rgb-uint8"));
        assertThat(rgb.bands()).isEqualTo(3);
        assertThat(rgb.dataType()).isEqualTo("uint8");
        assertThat(rgb.projection()).isEqualTo(new Projection.Geographic());

        GeoTiff heights = GeoTiff.read(sample("webmercator-float32"));
        assertThat(heights.dataType()).isEqualTo("float32");
        assertThat(heights.nodata()).contains(-9999.0);
        assertThat(heights.projection().epsg()).isEqualTo(3857);
    }

    @Test
    void aModelTransformationMatrixGivesTheSameGridAsATiePoint() throws Exception {
        GeoTiff south = GeoTiff.read(sample("utm56s-uint16"));
        assertThat(south.transform())
                .isEqualTo(new AffineTransform(20, 0, 330000, 0, -20, 6260000));
        assertThat(south.projection().epsg()).isEqualTo(32756);
    }

    @Test
    void pixelIsPointMovesTheGridHalfAPixelUpAndLeft() throws Exception {
        byte[] file = sample("utm33n-uint16");
        // GTRasterTypeGeoKey (1025), inline, 1 value: PixelIsArea (1) -> PixelIsPoint (2)
        byte[] key = shorts(1025, 0, 1, 1);
        int at = indexOf(file, key);
        assertThat(at).isPositive();
        file[at + 6] = 2;
        GeoTiff point = GeoTiff.read(file);
        assertThat(point.transform())
                .isEqualTo(new AffineTransform(30, 0, 399985, 0, -30, 5100015));
    }

    @Test
    void aPlainTiffIsNotAGeoTiff() {
        assertThatThrownBy(() -> GeoTiff.read(sample("plain-uint8")))
                .isInstanceOf(TiffFormatException.class)
                .hasMessage("a TIFF but not a GeoTIFF: it has no GeoKeyDirectory tag (34735)");
    }

    @Test
    void unsupportedAndUserDefinedCoordinateSystemsAreReported() {
        byte[] file = sample("utm33n-uint16");
        int at = indexOf(file, shorts(3072, 0, 1, 32633));
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(at + 6, (short) 2056);
        assertThatThrownBy(() -> GeoTiff.read(file))
                .hasMessageStartingWith("EPSG:2056 is not supported");
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(at + 6, (short) 32767);
        assertThatThrownBy(() -> GeoTiff.read(file)).hasMessageContaining("has no EPSG code");
    }

    @Test
    void aGeoTiffWithoutDateTimeHasNone() throws Exception {
        SampleRaster undated =
                new SampleRaster(
                        "undated",
                        4326,
                        8,
                        8,
                        1,
                        SampleRaster.DataType.UINT8,
                        0,
                        0,
                        1,
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        assertThat(GeoTiff.read(undated.toBytes()).datetime()).isEmpty();
    }

    @Test
    void theFootprintRingIsClosedAndItsBboxHoldsTheDensifiedEdges() throws Exception {
        Footprint f = GeoTiff.read(sample("wgs84-rgb-uint8")).footprint();
        assertThat(f.ring()).hasSize(5);
        assertThat(f.ring().get(0)).containsExactly(10.0, 46.0);
        assertThat(f.ring().get(2)).containsExactly(new double[] {10.6, 45.6}, offset(1e-12));
        assertThat(f.ring().get(4)).containsExactly(f.ring().get(0));
        assertThat(f.bbox()).containsExactly(new double[] {10.0, 45.6, 10.6, 46.0}, offset(1e-12));
        assertThat(f.nativeBbox()).containsExactly(f.bbox());
    }

    private static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
