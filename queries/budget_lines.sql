-- Every line of a year's safety budget with its category, location level and citation (each text with its
-- Spanish version; a published name's is an explanation shown beside it).
SELECT l.line_id, l.position_item, l.position_item_es, c.category_id, c.label AS category, c.label_es AS category_es,
       lv.published_label AS location, lv.published_label_es AS location_es,
       l.location_level, l.fte, l.budgeted_usd, l.approx, l.source_id, l.locator
FROM budget_lines l
JOIN budget_line_categories USING (line_id)
JOIN spending_categories c USING (category_id)
JOIN location_levels lv USING (location_level)
WHERE l.school_year = $school_year
ORDER BY l.budgeted_usd DESC;
