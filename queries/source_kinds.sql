-- The kinds of source the data holds (district document, news report, ...), with how many sources each.
SELECT kind, count(*) AS sources FROM sources GROUP BY kind ORDER BY kind;
