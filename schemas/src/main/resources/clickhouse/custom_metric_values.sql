-- ThreatConnect custom metrics: one aggregate per (metric, key, bucket), upserted on every point.
CREATE TABLE IF NOT EXISTS custom_metric_values (
    metric_id UInt64,
    key_name String,
    bucket DateTime,
    value Float64,
    count UInt64,
    weight_sum Float64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (metric_id, key_name, bucket)
