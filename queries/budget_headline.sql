-- A year's safety-budget headline figures as published (totals and any rounded headline), with hedges.
SELECT measure, published_value, approx, qualifier, source_id, locator
FROM budget_totals
WHERE school_year = $school_year
ORDER BY measure;
