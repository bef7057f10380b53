package io.runflow.testkit.internal.fake;

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
 * Real JPEG bytes of an exact size, the same for the same seed: a smooth pattern whose colours come
 * from the seed. The latest {@value #MAX_CACHED} (seed, size) pairs, up to {@value #MAX_CACHED_BYTES}
 * bytes in all, are kept; an evicted image is drawn again, identically, when asked for.
 */
final class JpegRenderer {

    static final int MAX_CACHED = 64;
    static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;

    private record Key(long seed, int width, int height) {}

    /** Least recently used first; guarded by itself. */
    private final LinkedHashMap<Key, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);

    private long cachedBytes;

    byte[] render(long seed, int width, int height) {
        Key key = new Key(seed, width, height);
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
}
