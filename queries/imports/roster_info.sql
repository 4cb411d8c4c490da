-- When and from which file the roster was imported.
SELECT imported_at, file_name, sha256, row_count
FROM imports.import_info;
