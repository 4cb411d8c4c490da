-- Published counts about safe passages (research observations, dataset 'safe_passage_counts'), with sources.
SELECT o.obs_id, o.school_year, o.period, o.period_es, o.metric, o.value, o.unit, o.approx, o.qualifier, o.basis,
       o.label, o.label_es, o.note, o.note_es, o.source_id, o.locator,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.url
FROM observations o
JOIN sources s USING (source_id)
WHERE o.dataset = 'safe_passage_counts'
ORDER BY o.school_year NULLS LAST, o.obs_id;
