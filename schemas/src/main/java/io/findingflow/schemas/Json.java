package io.findingflow.schemas;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration every stage shares, so JSON looks the same wherever it is written. */
public final class Json {

    private static final ObjectMapper MAPPER = create();

    private Json() {}

    /** A shared, thread-safe mapper. Do not reconfigure it; call {@link #create()} for a private one. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // scan reports carry long descriptions; the default 20 MB string cap is plenty but be explicit
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxStringLength(100_000_000).build());
        return mapper;
    }
}
