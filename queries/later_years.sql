-- What sources say about school years after the newest district safety budget table: statements (news,
-- aggregators, a civic site), never district budget lines. Newest year first.
SELECT y.statement_id, y.school_year, y.period, y.period_es, y.topic, y.statement_en, y.statement_es, y.value, y.unit,
       y.approx, y.qualifier, y.reliability_note, y.reliability_note_es,
       y.source_id, y.locator, s.publisher, s.title, s.title_es, s.kind AS source_kind, s.published, s.url
FROM later_years y
JOIN sources s USING (source_id)
ORDER BY coalesce(y.school_year, split_part(y.period, ' to ', 2)) DESC, y.topic, y.statement_id;
