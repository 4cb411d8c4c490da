-- A year's safety budget summed by spending category (the mapping in data/budget_line_categories.csv).
-- share = the category's dollars over the sum of all lines of that year.
WITH lines AS (
    SELECT l.*, m.category_id
    FROM budget_lines l JOIN budget_line_categories m USING (line_id)
    WHERE l.school_year = $school_year
)
SELECT c.category_id, c.label AS category, c.label_es AS category_es, c.sort_order,
       CAST(sum(lines.budgeted_usd) AS BIGINT) AS budgeted_usd,
       sum(lines.fte) AS fte,
       count(*) AS lines,
       sum(lines.budgeted_usd) / (SELECT sum(budgeted_usd) FROM lines) AS share,
       list(lines.position_item ORDER BY lines.budgeted_usd DESC) AS position_items,
       list(lines.position_item_es ORDER BY lines.budgeted_usd DESC) AS position_items_es,
       list(DISTINCT lines.source_id) AS source_ids,
       string_agg(DISTINCT lines.locator, '; ') AS locator
FROM lines JOIN spending_categories c USING (category_id)
GROUP BY ALL
ORDER BY budgeted_usd DESC;
