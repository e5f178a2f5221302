-- ThreatConnect custom metrics: one aggregate per (metric, key, bucket), upserted by the custom
-- metrics job within a few milliseconds of every point (coalesced per bucket). bucket is the
-- bucket's start (written as epoch seconds, so the server's time zone does not matter); version
-- is the Kafka offset of the last point applied, so readers take argMax(value, version) and the
-- API knows a bucket includes its point once version >= the point's offset. key_name is '' for
-- non-keyed metrics. Rows of deleted metrics stay, unread: metric ids are never reused.
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
