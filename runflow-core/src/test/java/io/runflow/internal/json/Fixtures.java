package io.runflow.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON bodies written from the shapes in runflow-api.md, under src/test/resources/fixtures. */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
