-- The 2024 safety town halls by region: date, school, and the two sessions (employees, then parents).
-- Location as for safe-passage sites: the state school directory's coordinates (CDE, June 2018) for the CDS code
-- of the reviewed match of the town-hall row (school_directory_matches, in_table 'town_halls', keyed by date),
-- else none; nothing is geocoded or guessed.
SELECT t.event_date, t.region, r.region_es, t.school_name, t.school_id, t.employees_time, t.employees_time_es,
       t.parents_time, t.parents_time_es, t.source_id, t.locator, t.note, s.publisher, s.title, s.title_es,
       s.kind AS source_kind,
       d.lat, d.lon, CASE WHEN d.cds_code IS NOT NULL THEN 'directory' END AS located_by,
       m.cds_code, m.match, d.name AS directory_name,
       d.source_id AS location_source_id, d.locator AS location_locator, ls.published AS location_published
FROM town_halls t
JOIN sources s USING (source_id)
JOIN regions r USING (region)
LEFT JOIN school_directory_matches m
       ON m.in_table = 'town_halls' AND m.row_key = strftime(t.event_date, '%Y-%m-%d') AND m.cds_code IS NOT NULL
LEFT JOIN school_directory d ON d.cds_code = m.cds_code
LEFT JOIN sources ls ON ls.source_id = d.source_id
ORDER BY t.event_date;
