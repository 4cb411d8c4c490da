-- The 2024 safety town halls by region: date, school, and the two sessions (employees, then parents).
SELECT t.event_date, t.region, r.region_es, t.school_name, t.school_id, t.employees_time, t.employees_time_es,
       t.parents_time, t.parents_time_es, t.source_id, t.locator, t.note, s.publisher, s.title, s.title_es, s.kind AS source_kind
FROM town_halls t
JOIN sources s USING (source_id)
JOIN regions r USING (region)
ORDER BY t.event_date;
