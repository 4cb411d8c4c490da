-- Staff-imported campus records counted by region; optional board-district filter ($board_district NULL = all).
SELECT region,
       count(*)::INTEGER AS deployments,
       count(DISTINCT lower(trim(school)))::INTEGER AS campuses,
       count(*) / sum(count(*)) OVER () AS share
FROM imports.campus_deployments
WHERE $board_district IS NULL OR board_district = $board_district
GROUP BY region
ORDER BY region;
