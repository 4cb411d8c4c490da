-- What was imported: the file, when, how many records, campuses and dates (after the optional filters).
SELECT i.file_name, i.imported_at, i.sha256,
       count(c.school)::INTEGER AS records,
       count(DISTINCT lower(trim(c.school)))::INTEGER AS campuses,
       min(c.deployment_date) AS first_date, max(c.deployment_date) AS last_date,
       count(c.lat)::INTEGER AS with_coordinates
FROM imports.import_info i
LEFT JOIN imports.campus_deployments c
       ON ($region IS NULL OR c.region = $region)
      AND ($board_district IS NULL OR c.board_district = $board_district)
GROUP BY i.file_name, i.imported_at, i.sha256;
