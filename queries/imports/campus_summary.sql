-- What was imported: the file, when, how many records, campuses and dates (after the optional filters).
-- Reads the per-campus groups (prepare/campus_deployments.sql).
SELECT i.file_name, i.imported_at, i.sha256,
       coalesce(sum(c.records), 0)::INTEGER AS records,
       count(DISTINCT c.campus_key)::INTEGER AS campuses,
       min(c.first_date) AS first_date, max(c.last_date) AS last_date,
       coalesce(sum(c.records) FILTER (WHERE c.lat IS NOT NULL), 0)::INTEGER AS with_coordinates
FROM imports.import_info i
LEFT JOIN imports.campus_groups c
       ON ($region IS NULL OR c.region = $region)
      AND ($board_district IS NULL OR c.board_district = $board_district)
GROUP BY i.file_name, i.imported_at, i.sha256;
