-- Staff-imported campus records counted by region; optional board-district filter ($board_district NULL = all).
-- Reads the per-campus groups (prepare/campus_deployments.sql).
SELECT region,
       sum(records)::INTEGER AS deployments,
       count(DISTINCT campus_key)::INTEGER AS campuses,
       sum(records) / sum(sum(records)) OVER () AS share
FROM imports.campus_groups
WHERE $board_district IS NULL OR board_district = $board_district
GROUP BY region
ORDER BY region;
