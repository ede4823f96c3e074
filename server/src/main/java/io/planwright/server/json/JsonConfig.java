package io.planwright.server.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** The model's JSON notation, for the API and the database alike (see {@link ModelJson#configure}). */
@Configuration
public class JsonConfig {

    @Bean
    JacksonModule planwrightModel() {
        return ModelJson.module();
    }

    @Bean
    JsonMapperBuilderCustomizer recordComponentsOnly() {
        return builder -> builder.changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE));
    }
}
