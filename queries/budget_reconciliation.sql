-- Published totals of a year's safety budget beside the sum of its lines (fte and usd), and the difference.
SELECT school_year, measure, published_value, computed_value, difference, lines, lines_without_value,
       source_id, locator
FROM budget_reconciliation
WHERE school_year = $school_year
ORDER BY measure;
