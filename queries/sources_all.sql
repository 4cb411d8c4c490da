-- Every source with how many rows of the data cite it (tests/test_queries.py checks that every table with a
-- *source_id column is counted here).
WITH cites AS (
    SELECT source_id FROM budget_lines UNION ALL SELECT source_id FROM budget_totals
    UNION ALL SELECT source_id FROM laspd_budget_items UNION ALL SELECT source_id FROM deployments_by_board_district
    UNION ALL SELECT source_id FROM deployments_by_region UNION ALL SELECT source_id FROM deployment_facts
    UNION ALL SELECT source_id FROM observations UNION ALL SELECT source_id FROM enrollment
    UNION ALL SELECT source_id FROM school_locations UNION ALL SELECT source_id FROM safe_passage_sites
    UNION ALL SELECT source_id FROM town_halls UNION ALL SELECT source_id FROM timeline
    UNION ALL SELECT source_id FROM board_members UNION ALL SELECT areas_source_id FROM board_districts
    UNION ALL SELECT schools_source_id FROM board_districts UNION ALL SELECT address_source_id FROM schools
    UNION ALL SELECT board_district_source_id FROM schools UNION ALL SELECT region_source_id FROM schools
    UNION ALL SELECT source_id FROM regions UNION ALL SELECT source_id FROM map_label_points
    UNION ALL SELECT source_id FROM deployment_conditions UNION ALL SELECT source_id FROM policy_points
    UNION ALL SELECT source_id FROM unpublished_data UNION ALL SELECT source_id FROM later_years
    UNION ALL SELECT source_id FROM incident_series UNION ALL SELECT source_id FROM incidents
    UNION ALL SELECT source_id FROM disparities UNION ALL SELECT source_id FROM climate_survey
    UNION ALL SELECT source_id FROM incident_annotations UNION ALL SELECT source_id FROM school_directory
    UNION ALL SELECT source_id FROM school_directory_matches
),
counted AS (
    SELECT s.source_id, s.title, s.title_es, s.publisher, s.kind, s.published, s.url, s.reference, s.document_file,
           s.mirror_of, s.note, s.note_es, count(c.source_id) AS rows_citing
    FROM sources s LEFT JOIN cites c USING (source_id)
    WHERE $kind = '' OR s.kind = $kind
    GROUP BY ALL
)
SELECT * FROM counted
-- primary (district) documents first, then the others by kind
ORDER BY list_position(['district', 'elected_official', 'school', 'government', 'research', 'news', 'advocacy',
                        'reference', 'unattributed'], kind),
         published NULLS LAST, source_id;
