package io.findingflow.jobs.custommetrics.records;

import io.findingflow.jobs.OpaqueTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Flink's type information for {@link MetricPointRecord}: an opaque type with its own serializer. */
public final class MetricPointRecordTypeInfo extends OpaqueTypeInfo<MetricPointRecord> {

    public static final MetricPointRecordTypeInfo INSTANCE = new MetricPointRecordTypeInfo();

    /** Found through {@code @TypeInfo} on the record, so TypeInformation.of(MetricPointRecord.class) gives this. */
    public static final class Factory extends TypeInfoFactory<MetricPointRecord> {
        @Override
        public TypeInformation<MetricPointRecord> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private MetricPointRecordTypeInfo() {
        super(MetricPointRecord.class, MetricPointRecordSerializer.INSTANCE);
    }
}
