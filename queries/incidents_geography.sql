-- What the deployment charts' geography is: how many regions and board districts the data holds, and when the
-- regions were formed (so that a chart can say "the four regions of 2022", from the data, never from code).
SELECT (SELECT count(*) FROM regions) AS regions,
       (SELECT min(established) FROM regions) AS regions_established,
       (SELECT count(*) FROM board_districts) AS board_districts;
