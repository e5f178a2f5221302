-- metrics/simple counters per (product, month, severity), as absolute values with a version: the
-- lifecycle job keeps the counts in keyed state and upserts the changed rows, so a replay writes
-- the same rows again instead of adding deltas twice. total_* count findings by their date month,
-- closed_* by their mitigated month; *_verified apply DefectDojo's verified requirement.
CREATE TABLE IF NOT EXISTS finding_month_counts (
    product_id UInt64,
    month Date,
    severity String,
    total_verified Int64,
    total_any Int64,
    closed_verified Int64,
    closed_any Int64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (month, product_id, severity)
