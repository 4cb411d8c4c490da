-- Every row of one published table ($table: one of data_tables.sql's names, checked by the caller), without the
-- internal research references (research_ref columns are never shown).
-- proof: $table = data_tables.table_name
SELECT COLUMNS(lambda c: c NOT LIKE '%research_ref') FROM query_table($table);
