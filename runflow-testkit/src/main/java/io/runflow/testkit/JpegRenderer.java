package io.runflow.testkit;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real JPEG bytes of an exact size, the same for the same seed: a smooth pattern whose colours come
 * from the seed. Each (seed, size) is rendered once and cached.
 */
final class JpegRenderer {

    private record Key(long seed, int width, int height) {}

    private final Map<Key, byte[]> cache = new ConcurrentHashMap<>();

    byte[] render(long seed, int width, int height) {
        return cache.computeIfAbsent(new Key(seed, width, height), JpegRenderer::draw);
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
