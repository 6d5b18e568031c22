package io.berth.runtime.mock.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The JSON mapper of the mock runtime. Instants, durations and paths are written as their ISO / plain string
 * forms, so the state files stay readable without extra Jackson modules. Thread-safe.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(stringForms())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    private static SimpleModule stringForms() {
        return new SimpleModule("berth-mock-strings")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, fromString(Instant.class, Instant::parse))
                .addSerializer(Duration.class, ToStringSerializer.instance)
                .addDeserializer(Duration.class, fromString(Duration.class, Duration::parse))
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addDeserializer(Path.class, fromString(Path.class, Path::of));
    }

    private static <T> FromStringDeserializer<T> fromString(Class<T> type, Function<String, T> parser) {
        return new FromStringDeserializer<>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            protected T _deserialize(String value, DeserializationContext context) throws IOException {
                return parser.apply(value);
            }
        };
    }
}
