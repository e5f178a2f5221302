-- One row per applied import (its completion marker): the API waits for it and answers with the
-- statistics; /api/v2/test_imports/ lists them.
CREATE TABLE IF NOT EXISTS imports (
    import_id String,
    test_id UInt64,
    engagement_id UInt64,
    product_id UInt64,
    import_type String,
    statistics String,
    created DateTime,
    version UInt64,
    test_import String DEFAULT ''
) ENGINE = ReplacingMergeTree(version)
ORDER BY import_id
