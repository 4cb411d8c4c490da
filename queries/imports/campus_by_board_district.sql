-- Staff-imported campus records, counted by board district; optional region filter ($region NULL = all).
-- Not published data: the page labels it as staff-imported. Reads the per-campus groups (prepare/campus_deployments.sql).
SELECT board_district,
       sum(records)::INTEGER AS deployments,
       count(DISTINCT campus_key)::INTEGER AS campuses,
       sum(records) / sum(sum(records)) OVER () AS share
FROM imports.campus_groups
WHERE $region IS NULL OR region = $region
GROUP BY board_district
ORDER BY board_district;
