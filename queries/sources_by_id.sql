-- Full citation details for a list of source ids.
SELECT source_id, title, title_es, publisher, kind, published, url, reference, document_file, mirror_of, note
FROM sources
WHERE list_contains($source_ids, source_id)
ORDER BY published NULLS LAST, source_id;
