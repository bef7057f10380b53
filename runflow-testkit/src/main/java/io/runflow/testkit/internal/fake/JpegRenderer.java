package io.runflow.testkit.internal.fake;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real JPEG bytes of an exact size, the same for the same prompt and seed: a smooth pattern whose
 * colours come from the seed, with the prompt, the seed and "placeholder from the fake Runflow server"
 * written on it (headless Java2D), so nobody takes it for a generated image. The latest {@value #MAX_CACHED} images, up to {@value #MAX_CACHED_BYTES}
 * bytes in all, are kept; an evicted image is drawn again, identically, when asked for.
 */
final class JpegRenderer {

    static final int MAX_CACHED = 64;
    static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;

    private static final String LABEL = "placeholder from the fake Runflow server";

    /** The longest prompt drawn, in characters; a longer one is cut with an ellipsis. */
    static final int MAX_PROMPT_DRAWN = 120;

    private record Key(String prompt, long seed, int width, int height) {}

    /** Least recently used first; guarded by itself. */
    private final LinkedHashMap<Key, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);

    private long cachedBytes;

    byte[] render(String prompt, long seed, int width, int height) {
        Key key = new Key(prompt == null ? "" : prompt, seed, width, height);
        synchronized (cache) {
            byte[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Drawn outside the lock: a large image takes a while, and others need not wait for it.
        byte[] drawn = draw(key);
        synchronized (cache) {
            byte[] previous = cache.put(key, drawn);
            cachedBytes += drawn.length - (previous == null ? 0 : previous.length);
            Iterator<byte[]> eldest = cache.values().iterator();
            while (cache.size() > 1 && (cache.size() > MAX_CACHED || cachedBytes > MAX_CACHED_BYTES)) {
                cachedBytes -= eldest.next().length;
                eldest.remove();
            }
        }
        return drawn;
    }

    void clear() {
        synchronized (cache) {
            cache.clear();
            cachedBytes = 0;
        }
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static byte[] draw(Key key) {
        BufferedImage image = new BufferedImage(key.width, key.height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        long mix = key.seed * 0x9E3779B97F4A7C15L;
        int r0 = (int) (mix & 0xff);
        int g0 = (int) ((mix >>> 8) & 0xff);
        int b0 = (int) ((mix >>> 16) & 0xff);
        for (int y = 0; y < key.height; y++) {
            int gy = y * 255 / Math.max(1, key.height - 1);
            for (int x = 0; x < key.width; x++) {
                int gx = x * 255 / Math.max(1, key.width - 1);
                int r = (r0 + gx) & 0xff;
                int g = (g0 + gy) & 0xff;
                int b = (b0 + ((gx + gy) >> 1)) & 0xff;
                pixels[y * key.width + x] = (r << 16) | (g << 8) | b;
            }
        }
        caption(image, key);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void caption(BufferedImage image, Key key) {
        String prompt = key.prompt.length() > MAX_PROMPT_DRAWN
                ? key.prompt.substring(0, MAX_PROMPT_DRAWN - 1) + "\u2026"
                : key.prompt;
        String[] lines = {prompt, "seed " + key.seed, LABEL};
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Sized so the label fills about two thirds of the width: legible at 2752 px and at 64 px.
            int size = Math.max(6, key.width * 2 / 3 / Math.max(1, LABEL.length()) * 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            FontMetrics metrics = g.getFontMetrics();
            int lineHeight = metrics.getHeight();
            int y = (key.height - lineHeight * lines.length) / 2 + metrics.getAscent();
            for (String line : lines) {
                int x = Math.max(0, (key.width - metrics.stringWidth(line)) / 2);
                g.setColor(new Color(0, 0, 0, 140));
                g.drawString(line, x + Math.max(1, size / 16), y + Math.max(1, size / 16));
                g.setColor(Color.WHITE);
                g.drawString(line, x, y);
                y += lineHeight;
            }
        } catch (RuntimeException | Error e) {
            // A JVM without fonts still gets its image, uncaptioned: the bytes matter more than the words.
        } finally {
            g.dispose();
        }
    }
}
