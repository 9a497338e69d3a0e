package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Pictures lose what the camera wrote about them, above all where they were taken, and keep their pixels. */
class ImageMetadataTest {

    @Test
    void aJpegLosesItsPositionXmpCommentAndTrailerButKeepsItsOrientation() throws IOException {
        byte[] photo = Photos.jpegWithGps(64, 48, 6);
        assertThat(Photos.tellsThePlace(photo)).as("the fixture tells the place").isTrue();
        assertThat(ImageMetadata.orientation(photo)).isEqualTo(6);

        byte[] stripped = ImageMetadata.strip(FileType.JPEG, photo);
        assertThat(Photos.tellsThePlace(stripped)).isFalse();
        assertThat(new String(stripped, StandardCharsets.UTF_8)).doesNotContain("拍摄于", "TRAILER");
        assertThat(ImageMetadata.orientation(stripped)).as("held upright, shown upright").isEqualTo(6);
        assertThat(Photos.contains(stripped, Photos.EXIF_HEADER)).isTrue();
        assertThat(stripped[stripped.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(stripped[stripped.length - 1] & 0xFF).as("ends with the picture").isEqualTo(0xD9);
        assertSamePixels(photo, stripped);
        assertThat(ImageMetadata.strip(FileType.JPEG, stripped)).as("stripping twice changes nothing")
                .isEqualTo(stripped);
    }

    @Test
    void anUprightJpegKeepsNoExifAtAll() throws IOException {
        byte[] stripped = ImageMetadata.strip(FileType.JPEG, Photos.jpegWithGps(40, 30, 1));
        assertThat(Photos.contains(stripped, Photos.EXIF_HEADER)).isFalse();
        assertThat(Photos.tellsThePlace(stripped)).isFalse();
        assertThat(ImageMetadata.orientation(stripped)).isEqualTo(1);
        byte[] plain = Photos.picture(40, 30, "jpeg");
        assertThat(ImageMetadata.strip(FileType.JPEG, plain)).as("ImageIO's own JPEG has nothing to lose")
                .isEqualTo(plain);
    }

    @Test
    void aPngLosesItsExifAndTextChunks() throws IOException {
        byte[] photo = Photos.pngWithGps(50, 20);
        assertThat(Photos.tellsThePlace(photo)).isTrue();
        byte[] stripped = ImageMetadata.strip(FileType.PNG, photo);
        assertThat(Photos.tellsThePlace(stripped)).isFalse();
        assertThat(stripped).isEqualTo(Photos.picture(50, 20, "png"));
        assertSamePixels(photo, stripped);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndSaysSo() {
        byte[] vp8 = chunk("VP8 ", new byte[]{1, 2, 3}); // odd size: padded
        byte[] webp = riff(chunk("VP8X", new byte[]{0x2C, 0, 0, 0, 9, 0, 0, 9, 0, 0}), vp8,
                chunk("EXIF", ("MM\0*" + Photos.PLACE).getBytes(StandardCharsets.ISO_8859_1)),
                chunk("XMP ", ("<x:xmpmeta>" + Photos.PLACE + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        assertThat(FileType.of(webp)).contains(FileType.WEBP);

        byte[] stripped = ImageMetadata.strip(FileType.WEBP, webp);
        assertThat(Photos.tellsThePlace(stripped)).isFalse();
        assertThat(stripped).isEqualTo(riff(chunk("VP8X", new byte[]{0x20, 0, 0, 0, 9, 0, 0, 9, 0, 0}), vp8));
        assertThat(ByteBuffer.wrap(stripped).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(stripped.length - 8);
    }

    @Test
    void aDamagedPictureIsKeptAsItCameFromWhereItBreaks() {
        byte[] fakePng = Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
                300);
        Arrays.fill(fakePng, 12, 300, (byte) 7);
        assertThat(ImageMetadata.strip(FileType.PNG, fakePng)).isEqualTo(fakePng);
        byte[] cutJpeg = Arrays.copyOf(Photos.jpegWithGps(16, 16, 1), 30);
        assertThat(ImageMetadata.strip(FileType.JPEG, cutJpeg)).as("cut inside the EXIF").startsWith(0xFF, 0xD8)
                .hasSizeLessThanOrEqualTo(30);
        byte[] pdf = "%PDF-1.7 GPS".getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageMetadata.strip(FileType.PDF, pdf)).isSameAs(pdf);
    }

    /** A cut or damaged picture never makes an upload fail: every prefix, and bytes overwritten at random. */
    @Test
    void noDamageMakesItThrow() {
        java.util.Random random = new java.util.Random(14);
        for (byte[] picture : List.of(Photos.jpegWithGps(20, 20, 6), Photos.pngWithGps(20, 20),
                riff(chunk("VP8X", new byte[10]), chunk("EXIF", new byte[7]), chunk("VP8 ", new byte[5])))) {
            FileType type = FileType.of(picture).orElseThrow();
            for (int length = 0; length <= picture.length; length++) {
                byte[] cut = Arrays.copyOf(picture, length);
                ImageMetadata.strip(type, cut);
                ImageMetadata.orientation(cut);
            }
            for (int round = 0; round < 2000; round++) {
                byte[] damaged = picture.clone();
                for (int i = 0; i < 3; i++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                ImageMetadata.strip(type, damaged);
                ImageMetadata.orientation(damaged);
            }
        }
    }

    @Test
    void thumbnailsAreSmallUprightAndOfTheSameKind() throws IOException {
        byte[] thumb = Thumbnails.of(FileType.JPEG, Photos.jpegWithGps(1200, 800, 6)).orElseThrow();
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(FileType.of(thumb)).contains(FileType.JPEG);
        assertThat(upright.getWidth()).as("turned: the camera was held upright").isEqualTo(160);
        assertThat(upright.getHeight()).isEqualTo(240);
        // the left half was red; turned a quarter clockwise it is the top
        assertThat(new java.awt.Color(upright.getRGB(80, 20)).getRed()).isGreaterThan(200);
        assertThat(new java.awt.Color(upright.getRGB(80, 220)).getBlue()).isGreaterThan(200);

        byte[] png = Thumbnails.of(FileType.PNG, Photos.pngWithGps(300, 600)).orElseThrow();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(FileType.of(png)).contains(FileType.PNG);
        assertThat(small.getWidth()).isEqualTo(120);
        assertThat(small.getHeight()).isEqualTo(240);
        assertThat(Thumbnails.of(FileType.PNG, Photos.picture(100, 50, "png")).map(ImageMetadataTest::width))
                .as("a small picture is not blown up").contains(100);

        assertThat(Thumbnails.of(FileType.WEBP, riff(chunk("VP8 ", new byte[4])))).isEmpty();
        assertThat(Thumbnails.of(FileType.JPEG, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEmpty();
    }

    private static int width(byte[] picture) {
        try {
            return ImageIO.read(new ByteArrayInputStream(picture)).getWidth();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSamePixels(byte[] before, byte[] after) throws IOException {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(before));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(after));
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        for (int y = 0; y < a.getHeight(); y += 7) {
            for (int x = 0; x < a.getWidth(); x += 7) {
                assertThat(b.getRGB(x, y)).isEqualTo(a.getRGB(x, y));
            }
        }
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] riff(byte[]... chunks) {
        int size = 4 + Arrays.stream(chunks).mapToInt(c -> c.length).sum();
        ByteBuffer b = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(size).put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : chunks) {
            b.put(c);
        }
        return b.array();
    }
}
