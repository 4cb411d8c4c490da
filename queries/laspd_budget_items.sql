-- The pieces of a year's school-police (LASPD) budget as the district listed them, with hedges and citations.
-- The source gives no total for these pieces, so none is computed here.
SELECT item_id, item, item_es, amount_usd, published_as, approx, qualifier, note, note_es, source_id, locator
FROM laspd_budget_items
WHERE school_year = $school_year
ORDER BY amount_usd DESC;
