package cirrus.example.geotiff.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cirrus.example.geotiff.samples.SampleRaster.DataType;

/**
 * The sample GeoTIFFs of the example, generated so that nothing binary is committed: four good
 * rasters in EPSG:4326, UTM 33N, UTM 56S and Web Mercator as uint8 RGB, uint16 and float32 (with
 * nodata), a plain TIFF without georeferencing (its payload ends INVALID) and a GeoTIFF cut short
 * after its header (its Batch preview job fails).
 *
 * <p>{@code java -cp cirrus-example-geotiff.jar cirrus.example.geotiff.samples.SampleGeoTiffs DIR}
 * writes them into {@code DIR}.
 */
public final class SampleGeoTiffs {
    /** Every sample. */
    public static final List<SampleRaster> ALL =
            List.of(
                    new SampleRaster(
                            "wgs84-rgb-uint8",
                            4326,
                            240,
                            160,
                            3,
                            DataType.UINT8,
                            10.0,
                            46.0,
                            0.0025,
                            false,
                            Optional.of("2024:06:01 10:30:00"),
                            Optional.empty(),
                            Optional.empty()),
                    new SampleRaster(
                            "utm33n-uint16",
                            32633,
                            320,
                            240,
                            1,
                            DataType.UINT16,
                            400_000,
                            5_100_000,
                            30,
                            false,
                            Optional.of("2024:05:14 09:45:12"),
                            Optional.empty(),
                            Optional.empty()),
                    new SampleRaster(
                            "utm56s-uint16",
                            32756,
                            200,
                            200,
                            1,
                            DataType.UINT16,
                            330_000,
                            6_260_000,
                            20,
                            true,
                            Optional.of("2023:12:24 23:59:59"),
                            Optional.empty(),
                            Optional.empty()),
                    new SampleRaster(
                            "webmercator-float32",
                            3857,
                            256,
                            256,
                            1,
                            DataType.FLOAT32,
                            1_000_000,
                            6_000_000,
                            100,
                            false,
                            Optional.of("2022:02:02 12:00:00"),
                            Optional.of(-9999.0),
                            Optional.empty()),
                    new SampleRaster(
                            "plain-uint8",
                            0,
                            64,
                            64,
                            1,
                            DataType.UINT8,
                            0,
                            0,
                            1,
                            false,
                            Optional.of("2024:01:01 00:00:00"),
                            Optional.empty(),
                            Optional.empty()),
                    new SampleRaster(
                            "truncated-uint16",
                            32633,
                            320,
                            240,
                            1,
                            DataType.UINT16,
                            420_000,
                            5_100_000,
                            30,
                            false,
                            Optional.of("2024:05:14 09:45:12"),
                            Optional.empty(),
                            Optional.of(60_000)));

    private SampleGeoTiffs() {}

    /** Writes every sample into {@code dir}; returns the files. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        return ALL.stream()
                .map(
                        s -> {
                            try {
                                Path file = dir.resolve(s.fileName());
                                Path tmp = dir.resolve("." + s.fileName() + ".tmp");
                                Files.write(tmp, s.toBytes());
                                return Files.move(
                                        tmp,
                                        file,
                                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                .toList();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleGeoTiffs DIR   (writes the sample GeoTIFFs into DIR)");
            System.exit(2);
        }
        for (Path file : writeAll(Path.of(args[0]))) {
            System.out.println(file + " (" + Files.size(file) + " bytes)");
        }
    }
}
