package io.berth.runtime.oci.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.berth.api.error.BerthException;

/** The module's one ObjectMapper (thread-safe once configured) and tolerant parsing helpers. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** Parses {@code text}; {@code what} names the document in the error a user would see. */
    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BerthException(what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new BerthException("cannot parse " + what + ": " + e.getMessage(), e);
        }
    }
}
