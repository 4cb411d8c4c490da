-- One row of headline deployment figures: deployments, campuses, sites, and campuses as a share of sites.
-- sites_approx is true when the site count is hedged ("~780"), so the share is approximate too.
WITH f AS (SELECT * FROM deployment_facts WHERE school_year = $school_year)
SELECT d.value AS deployments, c.value AS campuses, s.value AS sites,
       s.approx AS sites_approx, s.qualifier AS sites_qualifier,
       c.value / s.value AS campus_share,
       d.as_of,
       d.source_id, d.locator
FROM f d, f c, f s
WHERE d.measure = 'deployments' AND c.measure = 'campuses' AND s.measure = 'sites';
