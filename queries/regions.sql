-- The district's regions (the 2022 regions), in the order data/regions.csv lists them, with the name Spanish
-- views show.
SELECT region, region_es FROM regions ORDER BY rowid;
