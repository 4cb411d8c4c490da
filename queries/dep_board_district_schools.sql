-- Deployments beside a board district's school count, only where a source publishes that count.
-- The counts come from other sources and dates than the deployments: a rough comparison, never a rate that
-- the district published. Districts without a published count keep NULLs (the page says "not published").
SELECT d.board_district, d.deployments,
       b.schools_published, b.schools_approx, b.schools_qualifier,
       CASE WHEN b.schools_published > 0 THEN 100.0 * d.deployments / b.schools_published END
           AS deployments_per_100_schools,
       d.source_id, d.locator,
       b.schools_source_id, b.schools_locator
FROM deployments_by_board_district d
JOIN board_districts b USING (board_district)
WHERE d.school_year = $school_year
ORDER BY d.board_district;
