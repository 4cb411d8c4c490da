-- The 2024 safety town halls by region: date, school, and the two sessions (employees, then parents).
SELECT t.event_date, t.region, t.school_name, t.school_id, t.employees_time, t.parents_time,
       t.source_id, t.locator, t.note, s.publisher, s.title, s.kind AS source_kind
FROM town_halls t
JOIN sources s USING (source_id)
ORDER BY t.event_date;
