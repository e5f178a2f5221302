-- Which rows of `findings` are no longer a finding's latest version: the lifecycle job writes
-- (product, finding, version) whenever it writes a version of a finding that already had one (an
-- update, an edit, a delete), just before that row. A findings row is current when no mark of its
-- finding has a higher version, so lists filter plain rows and join the (few) marks of updated
-- findings instead of grouping every finding's versions per request. Marks land before their rows
-- (the sink inserts this table first), so a reader never sees two current versions of a finding.
-- Replays write the same marks again; merges keep one per finding.
CREATE TABLE IF NOT EXISTS finding_superseded (
    product_id UInt64,
    id UInt64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (product_id, id)
