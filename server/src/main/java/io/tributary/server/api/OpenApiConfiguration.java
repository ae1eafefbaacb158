package io.tributary.server.api;

import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * How the OpenAPI document shows the free-form JSON fields (a connector's settings, a JSON
 * Schema): as any object. springdoc's model resolver knows Jackson 2's tree types, not Jackson 3's,
 * and would otherwise describe JsonNode's getters. Records declare such fields as JsonNode, not
 * ObjectNode: springdoc introspects ObjectNode before any replacement and fails on its two
 * {@code setAll} methods, which empties the whole record's schema.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema().description("free-form JSON"));
    }
}
