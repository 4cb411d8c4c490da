-- The multi-year school-police (LASPD) series charted on the Spending page: department budget
-- (department_budget_usd) and sworn officers (sworn_officers). Every source's figure is its own row, none
-- chosen; undated rows (no school_year) are included so that the page can list them.
-- The source's publisher, title and kind come along for hover text and citations.
SELECT o.obs_id, o.school_year, o.period, o.metric, o.value, o.unit, o.approx, o.qualifier, o.basis, o.label,
       s.publisher, s.title, s.kind AS source_kind, s.url, s.published,
       o.source_id, o.locator, o.note
FROM observations o
JOIN sources s USING (source_id)
WHERE o.dataset = 'laspd_history' AND o.metric IN ('department_budget_usd', 'sworn_officers')
ORDER BY o.metric, o.school_year NULLS LAST, o.value, o.obs_id;
