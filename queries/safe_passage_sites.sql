-- Every named safe-passage site with program, provider, years and status, and the school's coordinates only
-- where a source gives them (the primary row of school_locations); otherwise lat/lon are NULL.
-- status is what the row's source reported, in status_year (status_reported says it in words). Only a status
-- reported in 2020 or later may be presented as the site's status now (status_is_current); older or undated
-- ones read "reported running in 2004" or "status now unknown", never "running".
SELECT p.site_id, p.school_id, sc.name AS school_name, p.area, p.area_es, p.program, p.program_es, p.provider,
       p.provider_es, p.years, p.years_es,
       p.start_year, p.end_year, p.status, sc.board_district, sc.region,
       p.status_reported, p.status_year, coalesce(p.status_year >= 2020, false) AS status_is_current,
       loc.lat, loc.lon, loc.source_id AS location_source_id, loc.locator AS location_locator,
       p.source_id, p.locator, p.note, p.note_es,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.published
FROM safe_passage_sites p
JOIN sources s USING (source_id)
LEFT JOIN schools sc USING (school_id)
LEFT JOIN school_locations loc ON loc.school_id = p.school_id AND loc.is_primary
ORDER BY CASE p.status WHEN 'running' THEN 1 WHEN 'proposed' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END,
         coalesce(sc.name, p.area), p.site_id;
