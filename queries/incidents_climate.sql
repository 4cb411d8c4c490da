-- Students' answers to safety questions: one row per survey item, group, school level and response, with the
-- item's wording (quoted, or described when the source does not quote it) and its source.
SELECT c.obs_id, c.school_year, c.survey, c.item_en, c.item_es, c.item_basis, c.student_group, c.school_level,
       c.response, c.value, c.approx, c.qualifier,
       src.publisher, src.title, src.kind AS source_kind, src.url, src.published,
       c.source_id, c.locator, c.note, c.note_es
FROM climate_survey c
JOIN sources src ON src.source_id = c.source_id
-- the latest school year first; within a source, school levels and answers in their natural order
ORDER BY c.school_year DESC, c.survey DESC, c.source_id,
         CASE c.school_level WHEN 'all' THEN 0 WHEN 'elementary' THEN 1 WHEN 'middle' THEN 2 ELSE 3 END,
         CASE c.response WHEN 'agree_or_strongly_agree' THEN 0 WHEN 'neither_agree_nor_disagree' THEN 1
                         WHEN 'disagree_or_strongly_disagree' THEN 2 ELSE 3 END;
