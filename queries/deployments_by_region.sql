-- Short-term school-police deployments by region, with each region's share of the year's region rows.
SELECT d.region, d.deployments,
       d.deployments / sum(d.deployments) OVER () AS share,
       d.source_id, d.locator
FROM deployments_by_region d
WHERE d.school_year = $school_year
ORDER BY d.region;
