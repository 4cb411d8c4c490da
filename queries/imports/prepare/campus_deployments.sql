-- Run once per imported file (per server process), not per page view: the campus records reduced to one row per
-- campus name, board district, region, reason, position and CDS code, with the record count and first/last date.
-- Every campus_*.sql query reads imports.campus_groups instead of the raw records; the figures are exact (sums and
-- distinct counts over the groups), only computed from a table of a few thousand rows instead of one row per
-- record. `src` is the imported file (read-only); `imports` is in memory. See BENCHMARKS.md (query scaling).
-- A file imported before records could carry a CDS code has no cds_code column: UNION ALL BY NAME gives it NULL.
CREATE TABLE imports.import_info AS SELECT * FROM src.import_info;
CREATE TABLE imports.campus_groups AS
WITH records AS (
    SELECT * FROM src.campus_deployments
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS cds_code WHERE false
)
SELECT school,
       lower(trim(school)) AS campus_key,
       board_district, region, reason, lat, lon, cds_code,
       count(*)::BIGINT AS records,
       min(deployment_date) AS first_date,
       max(deployment_date) AS last_date
FROM records
GROUP BY ALL
ORDER BY region, board_district, school;
