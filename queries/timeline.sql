-- Dated decisions, reports and engagement events, oldest first, with each event's source.
SELECT t.event_id, t.event_date, t.date_precision, t.kind, t.event, t.event_es,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.url,
       t.source_id, t.locator, t.note
FROM timeline t
JOIN sources s USING (source_id)
ORDER BY t.event_date, t.event_id;
