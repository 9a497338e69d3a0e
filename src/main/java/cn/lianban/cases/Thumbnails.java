package cn.lianban.cases;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The small picture the case page shows of a photo: at most {@value #SIDE} px on its longest side, made with ImageIO
 * (JPEG stays JPEG, PNG stays PNG and keeps its transparency), turned upright by EXIF's Orientation as the browser
 * turns the full picture. The picture is read subsampled, so a 12-megapixel photo never lies in memory whole.
 * Empty for what ImageIO cannot read (WebP, CMYK JPEG, a damaged file) or a picture too large to decode.
 */
final class Thumbnails {

    static final int SIDE = 240;
    /** A 10 MB PNG may declare any size; more pixels than a 100-megapixel camera's are not read. */
    private static final long MAX_PIXELS = 100_000_000L;

    private Thumbnails() {
    }

    static Optional<byte[]> of(FileType type, byte[] content) {
        if (type != FileType.JPEG && type != FileType.PNG) {
            return Optional.empty();
        }
        try {
            return read(content).map(picture -> {
                BufferedImage small = scaled(picture, type == FileType.PNG);
                BufferedImage upright = type == FileType.JPEG ? upright(small, ImageMetadata.orientation(content))
                        : small;
                return write(upright, type == FileType.PNG ? "png" : "jpeg");
            });
        } catch (IOException | RuntimeException e) {
            // a picture ImageIO cannot make out has no thumbnail; the page then shows the picture itself
            return Optional.empty();
        }
    }

    private static Optional<BufferedImage> read(byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scaled(BufferedImage picture, boolean alpha) {
        double scale = Math.min(1.0, (double) SIDE / Math.max(picture.getWidth(), picture.getHeight()));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        return draw(picture, width, height, AffineTransform.getScaleInstance(
                (double) width / picture.getWidth(), (double) height / picture.getHeight()), alpha);
    }

    /** The picture turned as EXIF's Orientation (1 … 8) says the camera was held. */
    static BufferedImage upright(BufferedImage picture, int orientation) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) {
            return picture;
        }
        boolean sideways = orientation >= 5;
        return draw(picture, sideways ? h : w, sideways ? w : h, turn, false);
    }

    private static BufferedImage draw(BufferedImage picture, int width, int height, AffineTransform transform,
                                      boolean alpha) {
        BufferedImage out = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(picture, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] write(BufferedImage picture, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
