-- The seven board districts, by number.
SELECT board_district FROM board_districts ORDER BY board_district;
