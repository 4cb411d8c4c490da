-- The district's regions (the 2022 regions), in the order data/regions.csv lists them.
SELECT region FROM regions ORDER BY rowid;
