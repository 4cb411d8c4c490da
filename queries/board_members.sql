-- The board members of a school year, by board district, with the source that names each.
SELECT board_district, member, role, source_id, locator
FROM board_members
WHERE school_year = $school_year
ORDER BY board_district;
