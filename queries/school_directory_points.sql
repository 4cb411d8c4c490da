-- Every active LAUSD school of the state's public schools directory (CDE, June 2018 copy), for the maps' context
-- layer: name, level (our code from the directory's SOCType), charter or district-run, the coordinates as
-- published and the directory's last update of the row. A count of schools in mid-2018: never the district's
-- count of sites for a later year.
SELECT d.cds_code, d.name, d.level, d.charter, d.lat, d.lon, d.last_updated, d.source_id, d.locator
FROM school_directory d
ORDER BY d.cds_code;
