-- Every named safe-passage site with program, provider, years and status, and where the map may draw it.
-- status is what the row's source reported, in status_year (status_reported says it in words). Only a status
-- reported in 2020 or later may be presented as the site's status now (status_is_current); older or undated
-- ones read "reported running in 2004" or "status now unknown", never "running".
-- Location, never guessed: the state school directory's coordinates (CDE, June 2018) for the CDS code of a
-- reviewed match of the site's school (school_directory_matches), else the coordinates a source gives for the
-- school (the primary row of school_locations), else none (lat/lon NULL; located_by NULL). located_by says
-- which; location_source_id/location_locator cite it.
SELECT p.site_id, p.school_id, sc.name AS school_name, p.area, p.area_es, p.program, p.program_es, p.provider,
       p.provider_es, p.years, p.years_es,
       p.start_year, p.end_year, p.status, sc.board_district, sc.region,
       p.status_reported, p.status_reported_es, p.status_year, coalesce(p.status_year >= 2020, false) AS status_is_current,
       coalesce(d.lat, loc.lat) AS lat, coalesce(d.lon, loc.lon) AS lon,
       CASE WHEN d.cds_code IS NOT NULL THEN 'directory' WHEN loc.lat IS NOT NULL THEN 'source' END AS located_by,
       m.cds_code, m.match, d.name AS directory_name,
       CASE WHEN d.cds_code IS NOT NULL THEN d.source_id ELSE loc.source_id END AS location_source_id,
       CASE WHEN d.cds_code IS NOT NULL THEN d.locator ELSE loc.locator END AS location_locator,
       ls.publisher AS location_publisher, ls.title AS location_title, ls.published AS location_published,
       p.source_id, p.locator, p.note, p.note_es,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.published
FROM safe_passage_sites p
JOIN sources s USING (source_id)
LEFT JOIN schools sc USING (school_id)
LEFT JOIN school_directory_matches m
       ON m.in_table = 'schools' AND m.row_key = p.school_id AND m.cds_code IS NOT NULL
LEFT JOIN school_directory d ON d.cds_code = m.cds_code
LEFT JOIN school_locations loc ON loc.school_id = p.school_id AND loc.is_primary
LEFT JOIN sources ls ON ls.source_id = CASE WHEN d.cds_code IS NOT NULL THEN d.source_id ELSE loc.source_id END
ORDER BY CASE p.status WHEN 'running' THEN 1 WHEN 'proposed' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END,
         coalesce(sc.name, p.area), p.site_id;
