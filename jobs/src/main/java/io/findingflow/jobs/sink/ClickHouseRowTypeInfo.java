package io.findingflow.jobs.sink;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for {@link ClickHouseRow}: an opaque type with its own serializer, which
 * treats rows as immutable, so passing them to the chained sink copies nothing.
 */
public final class ClickHouseRowTypeInfo extends TypeInformation<ClickHouseRow> {

    public static final ClickHouseRowTypeInfo INSTANCE = new ClickHouseRowTypeInfo();

    /** Found through {@code @TypeInfo} on the record, so TypeInformation.of(ClickHouseRow.class) gives this. */
    public static final class Factory extends TypeInfoFactory<ClickHouseRow> {
        @Override
        public TypeInformation<ClickHouseRow> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<ClickHouseRow> getTypeClass() {
        return ClickHouseRow.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<ClickHouseRow> createSerializer(SerializerConfig config) {
        return ClickHouseRowSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "ClickHouseRow";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClickHouseRowTypeInfo;
    }

    @Override
    public int hashCode() {
        return ClickHouseRowTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof ClickHouseRowTypeInfo;
    }
}
