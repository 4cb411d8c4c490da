-- When the database was built, from which CSV fingerprint, and how many rows each table has.
SELECT fingerprint, built_at, row_counts FROM build_info;
