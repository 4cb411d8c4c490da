-- District-supplied incident counts by school and category, with the school's CDS code and, when the code is in
-- the 2018 state directory, the directory's name for it. By school only: the directory gives no region or board
-- district, and no reviewed mapping of schools to them exists, so none is derived here.
SELECT min(school) AS school,
       cds_code,
       min(directory_name) AS directory_name,
       category,
       sum(incidents)::BIGINT AS incidents,
       min(incident_date) AS first_date,
       max(incident_date) AS last_date
FROM imports.campus_incidents
GROUP BY lower(trim(school)), cds_code, category
ORDER BY lower(min(school)), cds_code NULLS LAST, incidents DESC, category;
