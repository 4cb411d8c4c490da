-- The document a year's district safety budget table was published in (its totals' source).
SELECT t.school_year, s.source_id, s.title, s.title_es, s.publisher, s.published, s.kind, t.locator
FROM budget_totals t
JOIN sources s USING (source_id)
WHERE t.school_year = $school_year AND t.measure = 'usd';
