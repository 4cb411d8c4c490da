-- The two 2023-24 Community Based Safety Pilot money lines, read where they live: the vendor-support line of
-- the district safety budget table, and the LASPD budget item moved from vacant officer positions.
SELECT 'vendor_support' AS line, l.position_item AS item, l.position_item_es AS item_es, l.budgeted_usd AS amount_usd,
       NULL::VARCHAR AS published_as, l.approx, NULL::VARCHAR AS qualifier,
       l.source_id, l.locator, s.publisher, s.title, s.title_es, s.kind AS source_kind
FROM budget_lines l
JOIN sources s USING (source_id)
WHERE l.school_year = $school_year AND l.line_id = 'cbsp-vendor-support'
UNION ALL
SELECT 'vacant_positions', i.item, i.item_es, i.amount_usd, i.published_as, i.approx, i.qualifier,
       i.source_id, i.locator, s.publisher, s.title, s.title_es, s.kind
FROM laspd_budget_items i
JOIN sources s USING (source_id)
WHERE i.school_year = $school_year AND i.item_id = 'vacant-positions-to-cbsp'
ORDER BY line DESC;
