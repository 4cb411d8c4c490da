-- The reasons that authorize a short-term school-police deployment, and the resources sent with one.
SELECT condition_id, kind, sort_order, label, label_es, source_id, locator
FROM deployment_conditions
ORDER BY kind DESC, sort_order;  -- authorizing_reason first, then accompanying_resource
