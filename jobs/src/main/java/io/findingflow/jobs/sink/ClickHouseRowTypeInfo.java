package io.findingflow.jobs.sink;

import io.findingflow.jobs.OpaqueTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink's type information for {@link ClickHouseRow}: an opaque type with its own serializer, which
 * treats rows as immutable, so passing them to the chained sink copies nothing.
 */
public final class ClickHouseRowTypeInfo extends OpaqueTypeInfo<ClickHouseRow> {

    public static final ClickHouseRowTypeInfo INSTANCE = new ClickHouseRowTypeInfo();

    /** Found through {@code @TypeInfo} on the record, so TypeInformation.of(ClickHouseRow.class) gives this. */
    public static final class Factory extends TypeInfoFactory<ClickHouseRow> {
        @Override
        public TypeInformation<ClickHouseRow> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private ClickHouseRowTypeInfo() {
        super(ClickHouseRow.class, ClickHouseRowSerializer.INSTANCE);
    }
}
