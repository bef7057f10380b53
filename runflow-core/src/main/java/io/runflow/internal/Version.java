package io.runflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the build, and the {@code User-Agent} it sends. Not public API. */
public final class Version {

    private static final String VERSION = load();

    private Version() {}

    /**
     * Returns the SDK version.
     *
     * @return for example {@code 0.1.0}; {@code unknown} if the build did not record it
     */
    public static String sdk() {
        return VERSION;
    }

    /**
     * Returns the default {@code User-Agent}.
     *
     * @return {@code runflow-java/<version>}
     */
    public static String userAgent() {
        return "runflow-java/" + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty("version", "unknown");
            return value.startsWith("${") ? "unknown" : value;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
