-- Data the district has not released, each with the document that refers to it.
SELECT u.item, u.description, u.description_es, u.source_id, u.locator,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.published, s.url
FROM unpublished_data u
JOIN sources s ON s.source_id = u.source_id
ORDER BY u.rowid;
