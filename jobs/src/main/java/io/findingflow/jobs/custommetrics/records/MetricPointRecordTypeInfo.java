package io.findingflow.jobs.custommetrics.records;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for {@link MetricPointRecord}: an opaque type with its own serializer. */
public final class MetricPointRecordTypeInfo extends TypeInformation<MetricPointRecord> {

    public static final MetricPointRecordTypeInfo INSTANCE = new MetricPointRecordTypeInfo();

    /** Found through {@code @TypeInfo} on the record, so TypeInformation.of(MetricPointRecord.class) gives this. */
    public static final class Factory extends TypeInfoFactory<MetricPointRecord> {
        @Override
        public TypeInformation<MetricPointRecord> createTypeInfo(
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
    public Class<MetricPointRecord> getTypeClass() {
        return MetricPointRecord.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<MetricPointRecord> createSerializer(SerializerConfig config) {
        return MetricPointRecordSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "MetricPointRecord";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricPointRecordTypeInfo;
    }

    @Override
    public int hashCode() {
        return MetricPointRecordTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof MetricPointRecordTypeInfo;
    }
}
