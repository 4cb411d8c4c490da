-- The district-supplied safe-passage roster (data/imports/safe_passage_roster.duckdb, attached as `imports`):
-- every row, with coordinates only where the roster gives them. Unpublished: the page labels it so.
SELECT r.row_number, r.school, r.board_district, r.region, r.provider, r.start_date, r.end_date, r.status,
       r.lat, r.lon
FROM imports.safe_passage_roster r
ORDER BY r.school, r.start_date, r.row_number;
