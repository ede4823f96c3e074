package io.planwright.server.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.planwright.core.calendar.Moments;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Rate;
import io.planwright.core.model.RateUnit;
import io.planwright.core.model.TimeRange;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The plan model in JSON as a project manager writes it, the same notation as the plan file: durations
 * as {@code "5d"} or {@code "3ed"}, rates as {@code "95/h"}, working hours as {@code "08:00-12:00"}.
 * Everything else is the model's records as they are.
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("planwright-model");
        asText(m, Duration.class, t -> Duration.parse(t).orElse(null), "a duration (such as 5d, 4h, 2w, 1.5mo, 3ed or 20%)");
        asText(m, Rate.class, ModelJson::rate, "a rate (such as 95/h, 760/d or 12.5/unit)");
        asText(m, TimeRange.class, ModelJson::timeRange, "a time range (such as 08:00-12:00)");
        m.addSerializer(LocalDateTime.class, new MomentSerializer(Moments.Edge.START));
        m.addDeserializer(LocalDateTime.class, new MomentDeserializer(Moments.Edge.START));
        m.addSerializer(Constraint.class, new ValueSerializer<Constraint>() {
            @Override
            public void serialize(Constraint c, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeStartObject();
                gen.writeStringProperty("type", c.type().name());
                if (c.date() != null) {
                    gen.writeStringProperty("date", Moments.written(c.date(), edge(c.type())));
                }
                gen.writeEndObject();
            }
        });
        m.addDeserializer(Constraint.class, new ValueDeserializer<Constraint>() {
            @Override
            public Constraint deserialize(JsonParser p, DeserializationContext ctxt) {
                JsonNode node = ctxt.readTree(p);
                JsonNode type = node.get("type");
                ConstraintType t;
                try {
                    t = type == null || !type.isString() ? null : ConstraintType.valueOf(type.asString().trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    t = null;
                }
                if (t == null) {
                    throw InvalidFormatException.from(p, "'" + (type == null ? "" : type.asString())
                            + "' is not a constraint type (one of ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO, MFO)", type, Constraint.class);
                }
                JsonNode date = node.get("date");
                LocalDateTime when = null;
                if (date != null && !date.isNull()) {
                    when = moment(date.asString(), edge(t));
                    if (when == null) {
                        when = withOffset(p, date.asString());
                    }
                }
                if (t.needsDate() && when == null) {
                    throw InvalidFormatException.from(p, "a '" + t.name() + "' constraint needs a date", node, Constraint.class);
                }
                return new Constraint(t, when);
            }
        });
        m.addDeserializer(LocalDate.class, new ValueDeserializer<LocalDate>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
                String text = p.getValueAsString();
                try {
                    return LocalDate.parse(text == null ? "" : text.strip());
                } catch (DateTimeParseException e) {
                    throw InvalidFormatException.from(p, "'" + text + "' is not a date: write it as 2026-03-02", text, LocalDate.class);
                }
            }
        });
        m.setDeserializerModifier(new Defaults());
        return m;
    }

    /**
     * A moment the text gives with an offset ({@code ...T08:00:00Z}, {@code +02:00}), converted to the time
     * zone of the plan being changed (PlanZone); without one it is refused rather than dropped: the API does
     * not guess which wall-clock time was meant. Any other text that is no moment is refused too.
     */
    static LocalDateTime withOffset(JsonParser p, String text) {
        String t = text == null ? "" : text.strip();
        java.time.OffsetDateTime withOffset;
        try {
            withOffset = java.time.OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            withOffset = null;
        }
        if (withOffset != null && PlanZone.current().isPresent()) {
            return withOffset.atZoneSameInstant(PlanZone.current().get()).toLocalDateTime();
        }
        String message = withOffset != null
                ? "'" + text + "' has a time-zone offset, and the plan has no time zone to convert it to (set timeZone in its settings); "
                        + "write it as the plan's local time, without offset (such as 2026-03-02T08:00)"
                : "'" + text + "' is not " + MOMENT;
        throw InvalidFormatException.from(p, message, text, LocalDateTime.class);
    }

    /** A value written as its text ({@code toString()}) and read back by {@code parse}, which gives null for bad text. */
    private static <T> void asText(SimpleModule m, Class<T> type, Function<String, T> parse, String what) {
        m.addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toString());
            }
        });
        m.addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                String text = p.getValueAsString();
                T value = text == null ? null : parse.apply(text);
                if (value == null) {
                    throw InvalidFormatException.from(p, "'" + text + "' is not " + what, text, type);
                }
                return value;
            }
        });
    }

    /**
     * The model's JSON on a mapper: the value notation, and only the records' components as fields (their
     * helper methods such as {@code isEmpty()} or {@code isWorking()} are not).
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.addModule(module()).changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE));
    }

    private static final String MOMENT = "a date or date-time (such as 2026-03-02 or 2026-03-02T08:00; a date alone is the start of "
            + "that day for starts and its end for finishes)";

    /** Which fields hold finishes, where a date alone means the end of the day (the plan file's rule). */
    static Moments.Edge edge(String property) {
        if (property == null) {
            return Moments.Edge.START;
        }
        String p = property.toLowerCase(java.util.Locale.ROOT);
        return p.startsWith("finish") || p.endsWith("finish") || p.equals("deadline") || p.equals("statusdate")
                ? Moments.Edge.FINISH : Moments.Edge.START;
    }

    private static Moments.Edge edge(ConstraintType type) {
        return type.constrainsStart() ? Moments.Edge.START : Moments.Edge.FINISH;
    }

    /** A date (the start or the end of that day), {@code ...T24:00}, or a local date-time; null when it is none. */
    static LocalDateTime moment(String text, Moments.Edge edge) {
        return Moments.parse(text, edge);
    }

    /** Writes a moment as the plan file does: the end of a day in a finish field as that day. */
    private static final class MomentSerializer extends ValueSerializer<LocalDateTime> {
        private final Moments.Edge edge;

        MomentSerializer(Moments.Edge edge) {
            this.edge = edge;
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext ctxt, BeanProperty property) {
            Moments.Edge e = edge(property == null ? null : property.getName());
            return e == edge ? this : new MomentSerializer(e);
        }

        @Override
        public void serialize(LocalDateTime value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(Moments.written(value, edge));
        }
    }

    /** Reads a moment as the plan file does: a date alone in a finish field is the end of that day. */
    private static final class MomentDeserializer extends ValueDeserializer<LocalDateTime> {
        private final Moments.Edge edge;

        MomentDeserializer(Moments.Edge edge) {
            this.edge = edge;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Moments.Edge e = edge(property == null ? null : property.getName());
            return e == edge ? this : new MomentDeserializer(e);
        }

        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            LocalDateTime value = text == null ? null : moment(text, edge);
            if (value == null) {
                value = withOffset(p, text);
            }
            return value;
        }
    }

    /** {@code 95/h}, {@code 760/d}, {@code 12.5/unit}; null when it is none. */
    static Rate rate(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        RateUnit unit = RateUnit.fromSymbol(text.substring(slash + 1).trim());
        try {
            BigDecimal amount = new BigDecimal(text.substring(0, slash).trim());
            return unit == null || amount.signum() < 0 ? null : new Rate(amount, unit);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 08:00-12:00}, {@code 22:00-24:00}; null when it is none. */
    static TimeRange timeRange(String text) {
        if (text == null) {
            return null;
        }
        int dash = text.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            int from = minutes(text.substring(0, dash).trim());
            int to = minutes(text.substring(dash + 1).trim());
            return from < to ? new TimeRange(from, to) : null;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int minutes(String clock) {
        if (clock.equals("24:00")) {
            return 1440;
        }
        LocalTime t = LocalTime.parse(clock.length() == 4 ? "0" + clock : clock);
        return t.getHour() * 60 + t.getMinute();
    }
}
