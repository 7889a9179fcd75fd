package dev.opsh.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;

/** Results as JSON for scripts ({@code --output json}): records as objects, times as ISO-8601. */
public final class JsonRenderer {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public String render(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new OpshException(ExitCode.FAILURE, "the result (" + value.getClass().getSimpleName()
                    + ") cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
