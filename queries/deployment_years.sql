-- School years with published short-term deployment counts, and which of the tables exist for each year
-- (by board district, by region, the headline facts). Newest first.
WITH years AS (
    SELECT school_year FROM deployments_by_board_district
    UNION SELECT school_year FROM deployments_by_region
    UNION SELECT school_year FROM deployment_facts
)
SELECT y.school_year,
       EXISTS (SELECT 1 FROM deployments_by_board_district b WHERE b.school_year = y.school_year) AS has_board_districts,
       EXISTS (SELECT 1 FROM deployments_by_region r WHERE r.school_year = y.school_year) AS has_regions,
       EXISTS (SELECT 1 FROM deployment_facts f WHERE f.school_year = y.school_year) AS has_facts
FROM years y
ORDER BY y.school_year DESC;
