package cn.lianban.cases;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Takes what a camera writes about a picture out of it, above all where it was taken (EXIF GPS): a phone photo of
 * a resident's doorway must not tell everyone who opens it where the resident lives. Filters segments and chunks,
 * never decodes the picture, so the pixels and their quality stay as they came:
 * <ul>
 * <li>JPEG: every APPn segment except APP0 (JFIF), APP2 ICC_PROFILE (colours) and APP14 (Adobe colour transform),
 * and comments, are dropped; so is anything after the end of the picture (phones append previews and their own
 * data there). EXIF's Orientation alone is kept, in a new EXIF of that one entry, so that a photo held upright
 * still shows upright;</li>
 * <li>PNG: the chunks eXIf, tEXt, iTXt and zTXt are dropped, and anything after IEND;</li>
 * <li>WebP: the chunks EXIF and "XMP " are dropped and VP8X no longer announces them.</li>
 * </ul>
 * A picture whose structure breaks off is kept from that point as it came (no decoder reads past the break).
 * Stripping a stripped picture changes nothing, so files stored before stripping existed are stripped as they are
 * served.
 */
final class ImageMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int PNG_SIGNATURE = 8;
    private static final Set<String> PNG_TEXT = Set.of("eXIf", "tEXt", "iTXt", "zTXt");
    private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private ImageMetadata() {
    }

    /** The picture without its metadata; anything but a picture comes back as it is. */
    static byte[] strip(FileType type, byte[] content) {
        return switch (type) {
            case JPEG -> jpeg(content);
            case PNG -> png(content);
            case WEBP -> webp(content);
            default -> content;
        };
    }

    /**
     * EXIF's Orientation of a JPEG (1 upright … 8), 1 when it has none: the thumbnail turns the picture itself,
     * as browsers do for the full picture.
     */
    static int orientation(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && u8(jpeg, at) == 0xFF) {
            int marker = u8(jpeg, at + 1);
            if (marker == SOS || marker == EOI) {
                break;
            }
            int length = u16(jpeg, at + 2);
            if (marker == APP1 && startsWith(jpeg, at + 4, EXIF)) {
                return exifOrientation(jpeg, at + 4 + EXIF.length, Math.min(at + 2 + length, jpeg.length));
            }
            at += 2 + length;
        }
        return 1;
    }

    private static byte[] jpeg(byte[] in) {
        if (in.length < 4 || u8(in, 0) != 0xFF || u8(in, 1) != SOI) {
            return in;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2);
        int at = 2;
        while (at < in.length) {
            if (u8(in, at) != 0xFF || at + 1 >= in.length) {
                return rest(out, in, at);
            }
            int marker = u8(in, at + 1);
            if (marker == 0xFF) {
                at++; // fill byte before a marker
                continue;
            }
            if (marker == EOI) {
                out.write(in, at, 2);
                return out.toByteArray();
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                out.write(in, at, 2);
                at += 2;
                continue;
            }
            if (at + 4 > in.length) {
                return rest(out, in, at);
            }
            int end = at + 2 + u16(in, at + 2);
            if (end > in.length) {
                return rest(out, in, at);
            }
            if (keep(in, marker, at + 4)) {
                out.write(in, at, end - at);
            } else if (marker == APP1 && startsWith(in, at + 4, EXIF)) {
                int orientation = exifOrientation(in, at + 4 + EXIF.length, end);
                if (orientation != 1) {
                    out.writeBytes(orientationSegment(orientation));
                }
            }
            at = end;
            if (marker == SOS) {
                int scanEnd = scanEnd(in, at);
                out.write(in, at, scanEnd - at);
                at = scanEnd;
            }
        }
        return out.toByteArray();
    }

    private static boolean keep(byte[] in, int marker, int data) {
        boolean application = marker >= APP0 && marker <= APP15;
        if (!application) {
            return marker != COM;
        }
        return marker == APP0 || marker == APP14 || marker == APP2 && startsWith(in, data, ICC);
    }

    /** Where the entropy-coded data after a scan's header ends: at the first marker that is no restart. */
    private static int scanEnd(byte[] in, int at) {
        for (int i = at; i + 1 < in.length; i++) {
            if (u8(in, i) == 0xFF) {
                int next = u8(in, i + 1);
                if (next != 0 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        return in.length;
    }

    /** The Orientation entry of IFD0 of the TIFF structure in {@code in[tiff, end)}; 1 when there is none. */
    private static int exifOrientation(byte[] in, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        ByteBuffer b = ByteBuffer.wrap(in, 0, end);
        if (in[tiff] == 'I' && in[tiff + 1] == 'I') {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (in[tiff] != 'M' || in[tiff + 1] != 'M') {
            return 1;
        }
        long ifd = tiff + Integer.toUnsignedLong(b.getInt(tiff + 4));
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = Short.toUnsignedInt(b.getShort((int) ifd));
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (Short.toUnsignedInt(b.getShort(entry)) == ORIENTATION_TAG && b.getShort(entry + 2) == 3) {
                int value = Short.toUnsignedInt(b.getShort(entry + 8));
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** An APP1 EXIF segment holding nothing but Orientation (big-endian TIFF, one IFD of one entry). */
    private static byte[] orientationSegment(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) ORIENTATION_TAG).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        ByteBuffer segment = ByteBuffer.allocate(4 + EXIF.length + 26);
        segment.put((byte) 0xFF).put((byte) APP1).putShort((short) (2 + EXIF.length + 26)).put(EXIF)
                .put(tiff.array());
        return segment.array();
    }

    private static byte[] png(byte[] in) {
        if (in.length < PNG_SIGNATURE) {
            return in;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_SIGNATURE);
        int at = PNG_SIGNATURE;
        while (at < in.length) {
            if (at + 12 > in.length) {
                return rest(out, in, at);
            }
            long end = at + 12L + Integer.toUnsignedLong(ByteBuffer.wrap(in).getInt(at));
            if (end > in.length) {
                return rest(out, in, at);
            }
            String type = new String(in, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_TEXT.contains(type)) {
                out.write(in, at, (int) end - at);
            }
            at = (int) end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] webp(byte[] in) {
        int header = 12;
        if (in.length < header) {
            return in;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, header);
        int at = header;
        int vp8x = -1;
        while (at < in.length) {
            if (at + 8 > in.length) {
                return webpSize(rest(out, in, at));
            }
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN).getInt(at + 4));
            long end = at + 8L + size + (size & 1);
            if (end > in.length) {
                return webpSize(rest(out, in, at));
            }
            String type = new String(in, at, 4, StandardCharsets.ISO_8859_1);
            if (!WEBP_METADATA.contains(type)) {
                if (type.equals("VP8X") && size > 0) {
                    vp8x = out.size() + 8;
                }
                out.write(in, at, (int) end - at);
            }
            at = (int) end;
        }
        byte[] stripped = out.toByteArray();
        if (vp8x >= 0) {
            stripped[vp8x] &= (byte) ~(VP8X_EXIF | VP8X_XMP);
        }
        return webpSize(stripped);
    }

    /** RIFF's size field counts everything after it. */
    private static byte[] webpSize(byte[] webp) {
        ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN).putInt(4, webp.length - 8);
        return webp;
    }

    private static byte[] rest(ByteArrayOutputStream out, byte[] in, int at) {
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] in, int at, byte[] prefix) {
        return at >= 0 && in.length >= at + prefix.length
                && Arrays.equals(in, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int u8(byte[] in, int at) {
        return in[at] & 0xFF;
    }

    private static int u16(byte[] in, int at) {
        return (u8(in, at) << 8) | u8(in, at + 1);
    }
}
