-- District-supplied incident counts by category (all schools, all dates in the file), largest first.
SELECT category,
       sum(incidents)::BIGINT AS incidents,
       count(DISTINCT lower(trim(school)))::INTEGER AS schools
FROM imports.campus_incidents
GROUP BY category
ORDER BY incidents DESC, category;
