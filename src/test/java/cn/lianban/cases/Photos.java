package cn.lianban.cases;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Pictures as a phone writes them, made in the test: real JPEG and PNG pixels from ImageIO with an EXIF that holds
 * the orientation and a GPS position (37.65° N, 120.33° E, 龙口), an XMP packet and a comment naming the place.
 */
final class Photos {

    /** Text that appears in the metadata and nowhere in the pixels. */
    static final String PLACE = "GPS 37.65N 120.33E";
    static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private Photos() {
    }

    /** A {@code width}×{@code height} JPEG whose EXIF says it is to be turned by {@code orientation} and where it was taken. */
    static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] plain = picture(width, height, "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.writeBytes(segment(0xE1, concat(EXIF_HEADER, tiff(orientation))));
        out.writeBytes(segment(0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>" + PLACE
                + "</exif:GPSLatitude></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(segment(0xFE, ("拍摄于 " + PLACE).getBytes(StandardCharsets.UTF_8)));
        out.write(plain, 2, plain.length - 2);
        // what some phones append after the picture
        out.writeBytes(("TRAILER " + PLACE).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A PNG with the same EXIF in an eXIf chunk and the place in tEXt, after IHDR. */
    static byte[] pngWithGps(int width, int height) {
        byte[] plain = picture(width, height, "png");
        int afterHeader = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.writeBytes(chunk("eXIf", tiff(1)));
        out.writeBytes(chunk("tEXt", ("Comment\0" + PLACE).getBytes(StandardCharsets.ISO_8859_1)));
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** Real pixels: two coloured halves, so that a turned thumbnail can be told from an upright one. */
    static byte[] picture(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Whether the bytes still tell anything of the place: its text, an XMP packet, a PNG's eXIf, or the GPS IFD's
     * tag (0x8825) in a JPEG's header (the compressed pixels after it may hold any two bytes).
     */
    static boolean tellsThePlace(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int scan = text.indexOf("\u00FF\u00DA");
        byte[] header = java.util.Arrays.copyOf(content, scan < 0 ? content.length : scan);
        return text.contains("GPS") || text.contains("37.65") || text.contains("xmpmeta")
                || text.contains("ns.adobe.com/xap") || text.contains("eXIf")
                || contains(header, new byte[]{(byte) 0x88, 0x25}) || contains(header, new byte[]{0x25, (byte) 0x88});
    }

    static boolean contains(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A little-endian TIFF as cameras write it: IFD0 with Make, Orientation and the GPS IFD's offset; the GPS IFD
     * with latitude and longitude.
     */
    private static byte[] tiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int gpsIfd = 8 + 2 + 3 * 12 + 4;
        b.putShort((short) 3);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(4).put("LB\0\0".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        b.putInt(0);
        int values = gpsIfd + 2 + 4 * 12 + 4;
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put("N\0\0\0".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(values);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put("E\0\0\0".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(values + 24);
        b.putInt(0);
        for (int degrees : new int[]{37, 39, 0, 120, 19, 48}) {
            b.putInt(degrees).putInt(1);
        }
        byte[] tiff = new byte[b.position()];
        b.flip().get(tiff);
        return tiff;
    }

    private static byte[] segment(int marker, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + data.length);
        b.put((byte) 0xFF).put((byte) marker).putShort((short) (2 + data.length)).put(data);
        return b.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
