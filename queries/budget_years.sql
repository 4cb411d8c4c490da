-- School years with a published district safety budget table: its lines, and whether its published totals
-- exist too (a complete table has both). Newest first; pages default to the newest complete year.
SELECT school_year,
       count(*) AS lines,
       EXISTS (SELECT 1 FROM budget_totals t WHERE t.school_year = l.school_year) AS has_totals
FROM budget_lines l
GROUP BY school_year
ORDER BY school_year DESC;
