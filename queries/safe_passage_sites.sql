-- Every named safe-passage site with program, provider, years and status, and the school's coordinates only
-- where a source gives them (the primary row of school_locations); otherwise lat/lon are NULL.
SELECT p.site_id, p.school_id, sc.name AS school_name, p.area, p.program, p.provider, p.years,
       p.start_year, p.end_year, p.status, sc.board_district, sc.region,
       loc.lat, loc.lon, loc.source_id AS location_source_id, loc.locator AS location_locator,
       p.source_id, p.locator, p.note,
       s.publisher, s.title, s.kind AS source_kind, s.published
FROM safe_passage_sites p
JOIN sources s USING (source_id)
LEFT JOIN schools sc USING (school_id)
LEFT JOIN school_locations loc ON loc.school_id = p.school_id AND loc.is_primary
ORDER BY CASE p.status WHEN 'running' THEN 1 WHEN 'proposed' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END,
         coalesce(sc.name, p.area), p.site_id;
