-- Every table of the published data (not the build's own bookkeeping: build_info, build_content), with its number
-- of rows.
SELECT table_name, estimated_size AS rows
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name NOT IN ('build_info', 'build_content')
ORDER BY table_name;
