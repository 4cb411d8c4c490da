-- Published deployment totals beside the sum of the board-district and region rows.
SELECT breakdown, published_value, computed_value, difference, source_id, locator
FROM deployment_reconciliation
WHERE school_year = $school_year
ORDER BY breakdown;
