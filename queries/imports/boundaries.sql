-- Imported official boundary polygons (GeoJSON geometry text, WGS84 lon/lat) of one kind, with where they came from.
SELECT b.kind, b.key, b.geometry, i.source, i.imported_at
FROM imports.boundaries b
JOIN imports.import_info i USING (kind)
WHERE b.kind = $kind
ORDER BY b.key;
