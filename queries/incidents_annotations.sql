-- Dated decisions and events to mark on the incident charts (view incident_annotation_dates: a row's own date or
-- its timeline event's), with the source of the annotation. Undated rows (a school year only) come last.
SELECT a.annotation_id, a.kind, a.event_date, a.date_precision, a.school_year, a.label_en, a.label_es,
       src.publisher, src.title, src.kind AS source_kind, src.url, src.published,
       a.source_id, a.locator
FROM incident_annotation_dates a
JOIN sources src ON src.source_id = a.source_id
ORDER BY a.event_date NULLS LAST, a.annotation_id;
