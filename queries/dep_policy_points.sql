-- The school-police pepper-spray (OC) policy, current guidance beside the revision, point by point.
SELECT policy_id, version, sort_order, summary, summary_es, source_id, locator
FROM policy_points
WHERE policy_id = 'oc-spray'
ORDER BY version, sort_order;  -- 'current' sorts before 'revised'
