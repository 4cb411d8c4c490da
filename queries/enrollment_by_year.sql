-- Every enrollment figure published for a school year, with its scope, definition and source.
-- whole_district is true when the scope states a whole-district count (district-run K-12, district-run
-- preK-12, or including charters); 'unstated' and partial scopes (charters only, early or adult education)
-- are false, so no per-student figure is made from them.
SELECT e.obs_id, e.school_year, e.students, e.approx, e.qualifier, e.scope, e.definition, e.definition_es,
       e.scope IN ('district_run_k12', 'district_run_prek12', 'incl_charters') AS whole_district,
       s.publisher, s.title, s.title_es, s.kind AS source_kind, s.url,
       e.source_id, e.locator, e.note
FROM enrollment e
JOIN sources s USING (source_id)
WHERE e.school_year = $school_year
ORDER BY whole_district DESC, e.students DESC, e.obs_id;
