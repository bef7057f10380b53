package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The formatter-free path reads exactly what the formatters read, and leaves everything else to them. */
class TimestampFastPathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-05-06T10:00:00Z",
                "2026-05-06T10:00:00+00:00",
                "2026-05-06T10:00:00-00:00",
                "2026-05-06T10:00:00.1+00:00",
                "2026-05-06T10:00:00.123Z",
                "2026-05-06T10:00:00.123456+00:00",
                "2026-05-06T10:00:00.123456789+00:00",
                "2026-05-06T12:00:00.5+02:00",
                "2026-05-06T05:30:00.000001-04:30",
                "2024-02-29T23:59:59.999999999+18:00",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59-18:00"
            })
    void readsTheCommonFormAsTheFormatterDoes(String text) {
        OffsetDateTime fast = JsonFields.parseCommonTimestamp(text);

        assertThat(fast).isNotNull().isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(JsonFields.parseTimestamp(text)).isEqualTo(fast);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-05-06T10:00Z",
                "2026-05-06t10:00:00Z",
                "2026-05-06T10:00:00",
                "2026-05-06T10:00:00.123",
                "2026-05-06T10:00:00.Z",
                "2026-05-06T10:00:00.1234567890Z",
                "2026-05-06T10:00:00+0200",
                "2026-05-06T10:00:00+02",
                "2026-05-06T10:00:00+02:00:30",
                "2026-02-30T10:00:00Z",
                "2026-13-06T10:00:00Z",
                "2026-05-06T24:00:00Z",
                "2026-05-06T10:00:60Z",
                "2026-05-06T10:00:00+19:00",
                "+12026-05-06T10:00:00Z",
                "2026-05-06T10:00:00z",
                "2026-05-06T1a:00:00Z",
                "yesterday",
                ""
            })
    void leavesEveryOtherFormToTheFormattersWithTheSameResult(String text) {
        assertThat(JsonFields.parseCommonTimestamp(text)).isNull();

        assertThat(JsonFields.parseTimestamp(text)).isEqualTo(slow(text.strip()));
    }

    @Test
    void aTimestampWithoutAnOffsetIsStillUtc() {
        assertThat(JsonFields.parseTimestamp("2026-05-06T10:00:00.5"))
                .isEqualTo(OffsetDateTime.of(2026, 5, 6, 10, 0, 0, 500_000_000, ZoneOffset.UTC));
    }

    private static OffsetDateTime slow(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }
}
