package cirrus.example.geotiff.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import cirrus.example.geotiff.geo.GeoTiff;
import cirrus.example.geotiff.samples.SampleGeoTiffs;
import cirrus.example.geotiff.samples.SampleRaster;

class PreviewTest {
    private static SampleRaster sample(String name) {
        return SampleGeoTiffs.ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theLongerSideFitsMaxSizeAndSmallRastersAreNotEnlarged() {
        assertThat(Preview.size(320, 240, 256)).containsExactly(256, 192);
        assertThat(Preview.size(240, 320, 256)).containsExactly(192, 256);
        assertThat(Preview.size(240, 160, 256)).containsExactly(240, 160);
        assertThat(Preview.size(10_000, 3, 256)).containsExactly(256, 1);
    }

    @Test
    void percentStretchMapsThe2ndAnd98thPercentileToBlackAndWhite() {
        double[] values = new double[101];
        Arrays.setAll(values, i -> 1000 + i * 10.0); // 1000..2000
        PercentStretch s = PercentStretch.of(values, 2, 98);
        assertThat(s.low()).isEqualTo(1020.0);
        assertThat(s.high()).isEqualTo(1980.0);
        assertThat(s.apply(1000)).isZero();
        assertThat(s.apply(1020)).isZero();
        assertThat(s.apply(1500)).isEqualTo(128);
        assertThat(s.apply(1980)).isEqualTo(255);
        assertThat(s.apply(65535)).isEqualTo(255);
        assertThat(PercentStretch.of(new double[] {Double.NaN}, 2, 98))
                .isEqualTo(new PercentStretch(0, 1));
    }

    @Test
    void a16BitRasterIsStretchedOverTheWholeGreyRange() throws Exception {
        byte[] file = sample("utm33n-uint16").toBytes();
        BufferedImage image = Preview.render(file, GeoTiff.read(file), 256);
        int min = 255;
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int grey = image.getRGB(x, y) & 0xff;
                min = Math.min(min, grey);
                max = Math.max(max, grey);
            }
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(255);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Preview.png(image)));
        assertThat(png.getWidth()).isEqualTo(256);
        assertThat(png.getHeight()).isEqualTo(192);
    }

    @Test
    void rgbKeepsItsColoursAndSamplesNearestPixels() throws Exception {
        SampleRaster rgb = sample("wgs84-rgb-uint8");
        byte[] file = rgb.toBytes();
        BufferedImage image = Preview.render(file, GeoTiff.read(file), 256);
        int argb = image.getRGB(17, 33);
        assertThat((argb >> 16) & 0xff).isEqualTo((int) rgb.valueAt(17, 33, 0));
        assertThat((argb >> 8) & 0xff).isEqualTo((int) rgb.valueAt(17, 33, 1));
        assertThat(argb & 0xff).isEqualTo((int) rgb.valueAt(17, 33, 2));
    }

    @Test
    void deflateCompressedStripsGiveTheSamePreview() throws Exception {
        SampleRaster heights = sample("webmercator-float32");
        byte[] plain = heights.toBytes();
        byte[] deflated = heights.toBytes(true);
        assertThat(deflated.length).isLessThan(plain.length);
        BufferedImage a = Preview.render(plain, GeoTiff.read(plain), 128);
        BufferedImage b = Preview.render(deflated, GeoTiff.read(deflated), 128);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                assertThat(b.getRGB(x, y)).isEqualTo(a.getRGB(x, y));
            }
        }
    }

    @Test
    void aTruncatedFileFailsWithWhereItEnds() throws Exception {
        byte[] file = sample("truncated-uint16").toBytes();
        GeoTiff header = GeoTiff.read(file);
        assertThatThrownBy(() -> Preview.render(file, header, 256))
                .isInstanceOf(CorruptRasterException.class)
                .hasMessageMatching(
                        "the GeoTIFF is truncated: strip \\d+ needs bytes \\d+\\.\\.\\d+ but the"
                                + " file has 60000 bytes");
    }
}
