package io.runflow.spring;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
        classes = WebhookEndToEndContract.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            WebhookEndToEndContract.PROPERTIES,
            "spring.main.web-application-type=servlet",
            "management.endpoints.web.exposure.include=health,env,configprops",
            "management.endpoint.env.show-values=always",
            "management.endpoint.configprops.show-values=always",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.probes.enabled=true",
            "logging.level.io.runflow=DEBUG"
        })
class ServletWebhookTest extends WebhookEndToEndContract {}
