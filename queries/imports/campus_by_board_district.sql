-- Staff-imported campus records (imports.campus_deployments), counted by board district; optional region
-- filter ($region NULL = all). Not published data: the page labels it as staff-imported.
SELECT board_district,
       count(*)::INTEGER AS deployments,
       count(DISTINCT lower(trim(school)))::INTEGER AS campuses,
       count(*) / sum(count(*)) OVER () AS share
FROM imports.campus_deployments
WHERE $region IS NULL OR region = $region
GROUP BY board_district
ORDER BY board_district;
