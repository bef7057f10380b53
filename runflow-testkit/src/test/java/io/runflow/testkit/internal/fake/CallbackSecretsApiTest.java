package io.runflow.testkit.internal.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallbackSecretsApiTest {

    private static final String SECRET = "whsec_LEAKCHECK_testkit_signing_3e4f5a";

    @Test
    void theSigningSecretHandedToDeliveriesShowsOnlyItsId() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        CallbackSecretsApi secrets = new CallbackSecretsApi(new Ids(true, clock), clock, "org_1", SECRET);

        CallbackSecretsApi.Signing signing = secrets.current();

        assertThat(signing.secret()).isEqualTo(SECRET);
        assertThat(signing.toString()).isEqualTo("Signing[id=" + signing.id() + ", secret=***]");
        assertThat(secrets.snapshots().toString()).doesNotContain("testkit_signing");
    }
}
