package io.planwright.server.json;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** The model's JSON notation, for the API and the database alike. */
@Configuration
public class JsonConfig {

    @Bean
    JacksonModule planwrightModel() {
        return ModelJson.module();
    }
}
