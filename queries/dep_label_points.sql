-- Where the Deployments map draws each board district's and region's symbol: approximate label positions,
-- not boundaries, each with how it was placed (method) and the source of the fact the placement rests on.
SELECT kind, key, lat, lon, approx, method, method_es, source_id, locator
FROM map_label_points
ORDER BY kind, key;
