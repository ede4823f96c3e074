package io.planwright.server.system;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.planwright.core.model.Rate;
import io.planwright.core.model.TimeRange;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API describes itself at {@code /v3/api-docs}: the two ways to sign in, and the model's
 * value types as the short texts they are written as (durations, rates, time ranges).
 */
@Configuration
public class OpenApiConfig {

    /**
     * How the API writes a moment, as the plan file does: the plan's local time to the minute (seconds and
     * fractions when not zero), or a date alone where the moment is the start of a day (for starts) or its
     * end (for finishes, deadlines, actual finishes and the status date).
     */
    public static final String LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?$";

    static {
        // the API's JSON leaves the records' helper methods (isEmpty(), isWorking()) out; so does its description
        io.swagger.v3.core.util.Json.mapper().setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        io.swagger.v3.core.util.Json31.mapper().setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        SpringDocUtils.getConfig()
                .replaceWithSchema(io.planwright.core.model.Duration.class,
                        new StringSchema().example("5d").description("a duration: 5d, 4h, 2w, 1.5mo, 3ed (elapsed) or 20% (of the predecessor)"))
                .replaceWithSchema(Rate.class, new StringSchema().example("95/h").description("an amount per hour, day, week, month or unit"))
                .replaceWithSchema(TimeRange.class, new StringSchema().example("08:00-12:00").description("working time within a day"))
                // dates and times are the plan's local time, written without offset: not RFC 3339 date-times
                .replaceWithSchema(java.time.LocalDateTime.class, new StringSchema().pattern(LOCAL_DATE_TIME).example("2026-03-02T08:00")
                        .description("a local date and time of the plan's time zone, without offset; a date alone (2026-03-13) is the start "
                                + "of that day where a start is meant and the end of that day where a finish is meant (finish, deadline, "
                                + "actualFinish, statusDate, and a finish constraint's date), as in the plan file"))
                // the body of PATCH: a JSON merge patch of the entry, not a Java type
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, new io.swagger.v3.oas.models.media.ObjectSchema()
                        .description("a JSON merge patch (RFC 7396) of the entry: the fields to change, null to remove one, such as {\"duration\": \"3d\"}"))
                .replaceWithSchema(java.time.ZoneId.class, new StringSchema().example("Europe/Berlin").description("an IANA time zone"));
    }

    @Bean
    OpenAPI planwrightOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Planwright API").version("v1")
                        .description("Plans and every part of them, their computed schedules, history and members. "
                                + "Changes name the revision they are based on in If-Match (the ETag of what you read); if the entry changed since, "
                                + "the answer is 409 with the entry as it is now. PATCH takes a JSON merge patch. "
                                + "Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API token (pw_...) created with POST /api/v1/tokens"))
                        .addSecuritySchemes("password", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("password"));
    }
}
