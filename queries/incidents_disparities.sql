-- Each group's share of enrollment beside its share of a police action, one row per source, period, group and
-- action; either share may be empty (not published). Every source's figure is its own row, none chosen.
SELECT d.obs_id, d.period, d.period_es, d.school_year, d.period_start, d.period_end, d.reported_on, d.group_key, d.action,
       d.enrollment_share, d.enrollment_approx, d.enrollment_qualifier,
       d.action_share, d.action_approx, d.action_qualifier,
       src.publisher, src.title, src.kind AS source_kind, src.url, src.published,
       d.source_id, d.locator, d.note, d.note_es
FROM disparities d
JOIN sources src ON src.source_id = d.source_id
-- oldest first: by the period's first year, then its last (2014-15 before 2014-2017); undated rows by their report
ORDER BY coalesce(d.period_start, substr(d.school_year, 1, 4), d.reported_on),
         coalesce(d.period_end, '20' || substr(d.school_year, 6, 2), d.reported_on),
         d.source_id, d.action, d.group_key, d.obs_id;
