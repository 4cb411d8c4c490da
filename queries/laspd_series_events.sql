-- The two decisions marked on the multi-year school-police series: the board's June 30, 2020 vote to cut the
-- LASPD budget and the February 2021 cut of positions (timeline.csv rows laspd-cut-vote and
-- laspd-positions-cut-bsap), with each event's source.
SELECT t.event_id, t.event_date, t.date_precision, t.kind, t.event, t.event_es,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.url,
       t.source_id, t.locator, t.note
FROM timeline t
JOIN sources s USING (source_id)
WHERE t.event_id IN ('laspd-cut-vote', 'laspd-positions-cut-bsap')
ORDER BY t.event_date, t.event_id;
