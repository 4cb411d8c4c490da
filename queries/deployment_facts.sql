-- Headline deployment figures for a school year (deployments, campuses, sites, published totals).
SELECT measure, value, approx, qualifier, as_of, source_id, locator
FROM deployment_facts
WHERE school_year = $school_year
ORDER BY measure;
