-- Community-based safety and Black Student Achievement Plan figures (research observations, dataset
-- 'cbs_funding'), each row with its source and the source's kind, so that a reader can tell a district figure
-- from a news or advocacy one. Conflicting sources stay separate rows; nothing is averaged or chosen.
SELECT o.obs_id, o.school_year, o.period, o.period_es, o.metric, o.value, o.unit, o.approx, o.qualifier, o.basis,
       o.label, o.label_es, o.note, o.note_es, o.source_id, o.locator,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.published, s.url
FROM observations o
JOIN sources s USING (source_id)
WHERE o.dataset = 'cbs_funding'
ORDER BY o.school_year NULLS LAST, o.metric, s.kind, o.source_id;
