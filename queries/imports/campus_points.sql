-- Campuses in the staff-imported records that can be placed: with a CDS code (drawn at the state school
-- directory's location, looked up by the view) or with coordinates; one point per school, code and position.
-- Reads the per-campus groups (prepare/campus_deployments.sql).
SELECT school, board_district, region, lat, lon, cds_code,
       sum(records)::INTEGER AS deployments,
       min(first_date) AS first_date, max(last_date) AS last_date,
       string_agg(DISTINCT reason, ', ' ORDER BY reason) AS reasons
FROM imports.campus_groups
WHERE ((lat IS NOT NULL AND lon IS NOT NULL) OR cds_code IS NOT NULL)
  AND ($region IS NULL OR region = $region)
  AND ($board_district IS NULL OR board_district = $board_district)
GROUP BY school, board_district, region, lat, lon, cds_code
ORDER BY school;
