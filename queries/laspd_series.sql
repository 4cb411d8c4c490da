-- The multi-year school-police (LASPD) series charted on the Spending page, one chart per kind of count:
-- every laspd_history observation plus the district's own 2023-24 points from its safety budget table
-- (view laspd_series_points: budgeted sworn FTEs and the sworn positions' dollars, each its own metric).
-- Every source's figure is its own row, none chosen; undated rows (no school_year) are included so that the
-- page can list them. The source's publisher, title and kind come along for labels and citations.
SELECT o.obs_id, o.school_year, o.period, o.period_es, o.metric, o.value, o.unit, o.approx, o.qualifier, o.basis,
       o.label, o.label_es, s.publisher, s.title, s.title_es, s.kind AS source_kind, s.url, s.published,
       o.source_id, o.locator, o.note, o.note_es
FROM laspd_series_points o
JOIN sources s USING (source_id)
ORDER BY o.metric, o.school_year NULLS LAST, o.value, o.obs_id;
