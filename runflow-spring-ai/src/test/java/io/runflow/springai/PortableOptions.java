package io.runflow.springai;

import org.springframework.ai.image.ImageOptions;

/**
 * Spring AI's portable options as an application gives them: ImageOptionsBuilder's {@code N(..)} of
 * 1.1 is {@code n(..)} in 2.0, so the tests that run on both lines implement the interface instead.
 */
record PortableOptions(Integer n, String model, String responseFormat) implements ImageOptions {

    static PortableOptions n(int n) {
        return new PortableOptions(n, null, null);
    }

    static PortableOptions responseFormat(String format) {
        return new PortableOptions(null, null, format);
    }

    @Override
    public Integer getN() {
        return n;
    }

    @Override
    public String getModel() {
        return model;
    }

    @Override
    public Integer getWidth() {
        return null;
    }

    @Override
    public Integer getHeight() {
        return null;
    }

    @Override
    public String getResponseFormat() {
        return responseFormat;
    }

    @Override
    public String getStyle() {
        return null;
    }
}
