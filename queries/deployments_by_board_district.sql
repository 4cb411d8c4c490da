-- Short-term school-police deployments by board district, with share and the member that school year.
SELECT d.board_district, d.deployments,
       d.deployments / sum(d.deployments) OVER () AS share,
       m.member,
       d.source_id, d.locator,
       m.source_id AS member_source_id
FROM deployments_by_board_district d
LEFT JOIN board_members m ON m.board_district = d.board_district AND m.school_year = d.school_year
WHERE d.school_year = $school_year
ORDER BY d.board_district;
