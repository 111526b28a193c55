package cirrus.example.geotiff.tiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TiffReaderTest {
    /** A big-endian classic TIFF: 3 fields, the DateTime out of line. */
    private static byte[] bigEndian() {
        ByteBuffer b = ByteBuffer.allocate(80).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 3);
        b.putShort((short) 256)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 640)
                .putShort((short) 0);
        b.putShort((short) 257).putShort((short) 4).putInt(1).putInt(480);
        b.putShort((short) 306).putShort((short) 2).putInt(20).putInt(50);
        b.putInt(0);
        b.position(50);
        b.put("2020:02:29 12:34:56\0".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** A BigTIFF (version 43, 8-byte offsets and counts) with 2 fields. */
    private static byte[] bigTiff() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I')
                .put((byte) 'I')
                .putShort((short) 43)
                .putShort((short) 8)
                .putShort((short) 0);
        b.putLong(16);
        b.putLong(2);
        b.putShort((short) 256).putShort((short) 16).putLong(1).putLong(100_000);
        b.putShort((short) 257)
                .putShort((short) 3)
                .putLong(1)
                .putShort((short) 7)
                .putShort((short) 0)
                .putInt(0);
        return b.array();
    }

    @Test
    void readsBigEndianFilesAndAsciiValuesOutOfLine() throws Exception {
        TiffDirectory dir = TiffReader.read(bigEndian());
        assertThat(dir.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(dir.integer(TiffTag.IMAGE_WIDTH, 0)).isEqualTo(640);
        assertThat(dir.integer(TiffTag.IMAGE_LENGTH, 0)).isEqualTo(480);
        assertThat(dir.text(TiffTag.DATE_TIME)).contains("2020:02:29 12:34:56");
    }

    @Test
    void readsBigTiff() throws Exception {
        TiffDirectory dir = TiffReader.read(bigTiff());
        assertThat(dir.integer(TiffTag.IMAGE_WIDTH, 0)).isEqualTo(100_000);
        assertThat(dir.integer(TiffTag.IMAGE_LENGTH, 0)).isEqualTo(7);
    }

    @Test
    void saysWhyBytesAreNotATiff() {
        assertThatThrownBy(() -> TiffReader.read("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("not a TIFF file: it does not start with the byte order mark II or MM");
        assertThatThrownBy(() -> TiffReader.read(new byte[] {'I', 'I', 42}))
                .hasMessage("not a TIFF file: 3 bytes, shorter than a TIFF header");
        assertThatThrownBy(() -> TiffReader.read(new byte[] {'I', 'I', 7, 0, 8, 0, 0, 0}))
                .hasMessage("not a TIFF file: version 7 where TIFF has 42 (BigTIFF 43)");
    }

    @Test
    void saysWhereADirectoryIsCutShort() {
        byte[] file = bigEndian();
        byte[] cut = java.util.Arrays.copyOf(file, 60);
        assertThatThrownBy(() -> TiffReader.read(cut))
                .isInstanceOf(TiffFormatException.class)
                .hasMessage(
                        "damaged TIFF: the values of tag 306 (bytes 50..70) lie beyond the end of"
                                + " the file (60 bytes)");
        byte[] pointsAway = file.clone();
        ByteBuffer.wrap(pointsAway).putInt(4, 1_000);
        assertThatThrownBy(() -> TiffReader.read(pointsAway))
                .hasMessageStartingWith("damaged TIFF: the directory at byte 1000 lies beyond");
    }
}
