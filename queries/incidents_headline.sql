-- One series' full-year figure for its latest school year and for the school year before it: where a year was
-- revised (several rows, told apart by reported_on), only its latest report, with how many reports the year has.
-- Only full_year rows of the one series are compared, never another coverage or definition; the rows returned are
-- exactly the ones a headline uses (so its citation names only their sources).
WITH full_years AS (
    SELECT i.*
    FROM incidents i
    WHERE i.series_id = $series_id AND i.coverage = 'full_year' AND i.value IS NOT NULL AND i.group_key IS NULL
),
latest AS (
    SELECT max(school_year) AS school_year FROM full_years
)
SELECT f.obs_id, f.series_id, s.label_en, s.label_es, s.unit,
       f.school_year, f.value, f.approx, f.qualifier, f.reported_on,
       f.school_year = l.school_year AS is_latest_year,
       row_number() OVER (PARTITION BY f.school_year ORDER BY f.reported_on DESC NULLS LAST, f.obs_id) = 1
           AS is_latest_report,
       count(*) OVER (PARTITION BY f.school_year) AS reports_for_year,
       src.publisher, src.title, src.kind AS source_kind, src.url, src.published,
       f.source_id, f.locator
FROM full_years f
CROSS JOIN latest l
JOIN incident_series s USING (series_id)
JOIN sources src ON src.source_id = f.source_id
WHERE f.school_year = l.school_year
   OR f.school_year = (CAST(substr(l.school_year, 1, 4) AS INTEGER) - 1)::VARCHAR || '-' || substr(l.school_year, 3, 2)
QUALIFY is_latest_report
ORDER BY f.school_year DESC, f.reported_on DESC NULLS LAST, f.obs_id;
