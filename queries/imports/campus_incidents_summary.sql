-- The imported campus incident file at a glance: which file, when, how many records, incidents and schools, the
-- first and last date, and how many schools' CDS codes are in the 2018 state directory.
SELECT i.file_name, i.imported_at, i.records,
       coalesce(sum(c.incidents), 0)::BIGINT AS incidents,
       count(DISTINCT lower(trim(c.school)))::INTEGER AS schools,
       count(DISTINCT CASE WHEN c.directory_name IS NOT NULL THEN c.cds_code END)::INTEGER AS matched_schools,
       min(c.incident_date) AS first_date,
       max(c.incident_date) AS last_date
FROM imports.import_info i
LEFT JOIN imports.campus_incidents c ON true
GROUP BY i.file_name, i.imported_at, i.records;
