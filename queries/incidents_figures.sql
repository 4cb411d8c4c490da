-- Every incident and school-police figure (table incidents), with its series (one definition and one unit:
-- topic, measure, labels and definition in English and Spanish) and its source (publisher, title, kind, date).
-- Revisions and conflicting sources are separate rows; none is chosen here. research_ref is never selected.
SELECT i.obs_id, i.series_id,
       s.topic, s.measure, s.unit, s.geography, s.breakdown, s.data_from,
       s.label_en, s.label_es, s.definition_en, s.definition_es,
       i.school_year, i.period, i.period_es, i.period_start, i.period_end, i.base_school_year, i.coverage, i.as_of,
       i.reported_on, i.group_key, i.value, i.approx, i.qualifier,
       src.publisher, src.title, src.kind AS source_kind, src.url, src.published,
       i.source_id, i.locator, i.note, i.note_es
FROM incidents i
JOIN incident_series s USING (series_id)
JOIN sources src ON src.source_id = i.source_id
ORDER BY i.series_id, coalesce(i.school_year, i.period_start, i.reported_on), i.reported_on NULLS FIRST,
         CASE i.group_key WHEN 'elementary' THEN 1 WHEN 'middle' THEN 2 WHEN 'high' THEN 3 ELSE 4 END, i.group_key,
         i.obs_id;
