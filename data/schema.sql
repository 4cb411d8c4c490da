-- Schema of data/safety.duckdb, built from data/*.csv by `python -m data.build`.
-- One CSV file per table, same name, same columns in the same order (data/README.md is the data dictionary).
-- Every table that holds a figure names its source (foreign key to sources) and a locator inside it.
-- Rules that a figure must obey live here as CHECK constraints, so a bad CSV row cannot be published.

-- A school year is written 2023-24: the second part is the first year plus one.
CREATE MACRO valid_school_year(y) AS
    y IS NULL OR (regexp_full_match(y, '(19|20)\d\d-\d\d')
                  AND (CAST(substr(y, 1, 4) AS INTEGER) + 1) % 100 = CAST(substr(y, 6, 2) AS INTEGER));

-- A text from the data that readers see has its reviewed Spanish version beside it, in a column named after it
-- (`summary` and `summary_es`): present, and not blank, exactly when the English text is. The build checks the
-- same rule first and names the file, row and column in plain words (data/build.py, spanish_problems); this is the
-- database's own guard. For a published name that stays as published (a budget line, a location level), the
-- Spanish column holds the explanation shown beside the name.
CREATE MACRO translated(en, es) AS
    (en IS NULL) = (es IS NULL) AND (es IS NULL OR length(trim(es)) > 0);

CREATE TABLE sources (
    source_id     VARCHAR PRIMARY KEY CHECK (regexp_full_match(source_id, '[a-z0-9][a-z0-9-]*')),
    title         VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    -- a descriptive [title] in our words has its Spanish; a published title stays as published in title_es too
    title_es      VARCHAR CHECK (translated(title, title_es)),
    publisher     VARCHAR NOT NULL CHECK (length(trim(publisher)) > 0),
    -- who publishes it: district = the district administration (Board presentations, Independent Analysis Unit,
    -- district press releases and fact sheets); elected_official = a board member's own office or site;
    -- school = a school's own website; unattributed = the owner is not named
    kind          VARCHAR NOT NULL CHECK (kind IN ('district', 'elected_official', 'school', 'news', 'advocacy',
                                                   'research', 'government', 'reference', 'unattributed')),
    published     VARCHAR CHECK (published IS NULL OR regexp_full_match(published, '(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?')),
    url           VARCHAR CHECK (url IS NULL OR regexp_full_match(url, 'https?://[^\s]+')),
    -- how the research names a web source whose full address it does not give (domain only, or shortened)
    reference     VARCHAR,
    document_file VARCHAR CHECK (document_file IS NULL OR regexp_full_match(document_file, '[0-9]{3}_[0-9a-f]{16}\.txt')),
    mirror_of     VARCHAR,
    note          VARCHAR,
    note_es       VARCHAR CHECK (translated(note, note_es)),
    -- a source is a public URL, one of the shared seed documents, or at least a named reference
    CHECK (url IS NOT NULL OR document_file IS NOT NULL OR reference IS NOT NULL)
);

-- ---------------------------------------------------------------- 2023-24 district safety budget
CREATE TABLE location_levels (
    location_level  VARCHAR PRIMARY KEY,
    published_label VARCHAR NOT NULL UNIQUE,
    published_label_es VARCHAR CHECK (translated(published_label, published_label_es)),  -- explanation
    sort_order      INTEGER NOT NULL
);

CREATE TABLE budget_lines (
    school_year    VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    line_id        VARCHAR NOT NULL CHECK (regexp_full_match(line_id, '[a-z0-9][a-z0-9-]*')),
    position_item  VARCHAR NOT NULL,
    position_item_es VARCHAR CHECK (translated(position_item, position_item_es)),  -- explanation beside the name
    location_level VARCHAR NOT NULL REFERENCES location_levels (location_level),
    fte            DECIMAL(10, 2) CHECK (fte IS NULL OR fte >= 0),  -- empty where the source has none (N/A)
    budgeted_usd   BIGINT NOT NULL CHECK (budgeted_usd >= 0),
    approx         BOOLEAN NOT NULL,
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    PRIMARY KEY (school_year, line_id)
);

-- Published totals are kept as published, beside the lines; the views below compare them.
CREATE TABLE budget_totals (
    school_year     VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    measure         VARCHAR NOT NULL CHECK (measure IN ('fte', 'usd', 'usd_headline')),
    published_value DECIMAL(18, 2) NOT NULL CHECK (published_value >= 0),
    approx          BOOLEAN NOT NULL,
    qualifier       VARCHAR,
    source_id       VARCHAR NOT NULL REFERENCES sources (source_id),
    locator         VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    PRIMARY KEY (school_year, measure),
    CHECK (approx = (qualifier IS NOT NULL))
);

-- Judgement calls (which line counts as what) are data that people can read and argue with.
CREATE TABLE spending_categories (
    category_id VARCHAR PRIMARY KEY,
    sort_order  INTEGER NOT NULL UNIQUE,
    label       VARCHAR NOT NULL,
    label_es    VARCHAR CHECK (translated(label, label_es)),
    description VARCHAR NOT NULL
);

CREATE TABLE budget_line_categories (
    line_id     VARCHAR PRIMARY KEY,
    category_id VARCHAR NOT NULL REFERENCES spending_categories (category_id),
    rationale   VARCHAR NOT NULL
);

CREATE TABLE laspd_budget_items (
    school_year VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    item_id     VARCHAR NOT NULL,
    item        VARCHAR NOT NULL,
    item_es     VARCHAR CHECK (translated(item, item_es)),  -- explanation beside the published item
    amount_usd  BIGINT NOT NULL CHECK (amount_usd >= 0),
    published_as VARCHAR NOT NULL,
    approx      BOOLEAN NOT NULL,
    qualifier   VARCHAR,
    source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    locator     VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    note        VARCHAR,
    note_es     VARCHAR CHECK (translated(note, note_es)),
    PRIMARY KEY (school_year, item_id),
    CHECK (approx = (qualifier IS NOT NULL))
);

-- ---------------------------------------------------------------- places
CREATE TABLE board_districts (
    board_district    INTEGER PRIMARY KEY CHECK (board_district BETWEEN 1 AND 7),
    areas             VARCHAR NOT NULL,
    areas_source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    areas_locator     VARCHAR NOT NULL,
    areas_research_ref VARCHAR,  -- internal research note; never shown
    schools_published INTEGER CHECK (schools_published IS NULL OR schools_published >= 0),
    schools_approx    BOOLEAN,
    schools_qualifier VARCHAR,
    schools_source_id VARCHAR REFERENCES sources (source_id),
    schools_locator   VARCHAR,
    schools_research_ref VARCHAR,  -- internal research note; never shown
    CHECK ((schools_published IS NULL) = (schools_source_id IS NULL))
);

CREATE TABLE board_members (
    board_district INTEGER NOT NULL REFERENCES board_districts (board_district),
    school_year    VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    member         VARCHAR NOT NULL,
    role           VARCHAR,
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL,
    research_ref   VARCHAR,  -- internal research note; never shown
    note           VARCHAR,
    PRIMARY KEY (board_district, school_year)
);

CREATE TABLE regions (
    region      VARCHAR PRIMARY KEY CHECK (region IN ('North', 'East', 'South', 'West')),
    region_es   VARCHAR CHECK (translated(region, region_es)),  -- the name Spanish views show (Norte, ...)
    established VARCHAR,
    source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    locator     VARCHAR NOT NULL,
    research_ref VARCHAR,  -- internal research note; never shown
    note        VARCHAR
);

CREATE TABLE schools (
    school_id                VARCHAR PRIMARY KEY CHECK (regexp_full_match(school_id, '[a-z0-9][a-z0-9-]*')),
    name                     VARCHAR NOT NULL,
    other_names              VARCHAR,
    address                  VARCHAR,
    address_source_id        VARCHAR REFERENCES sources (source_id),
    address_locator          VARCHAR,
    address_research_ref     VARCHAR,  -- internal research note; never shown
    board_district           INTEGER REFERENCES board_districts (board_district),
    board_district_basis     VARCHAR CHECK (board_district_basis IN ('stated', 'implied', 'inferred')),
    board_district_source_id VARCHAR REFERENCES sources (source_id),
    board_district_locator   VARCHAR,
    board_district_research_ref VARCHAR,  -- internal research note; never shown
    region                   VARCHAR REFERENCES regions (region),
    region_basis             VARCHAR CHECK (region_basis IN ('stated', 'implied', 'inferred')),
    region_source_id         VARCHAR REFERENCES sources (source_id),
    region_locator           VARCHAR,
    region_research_ref      VARCHAR,  -- internal research note; never shown
    note                     VARCHAR,
    CHECK ((address IS NULL) = (address_source_id IS NULL)),
    CHECK ((board_district IS NULL) = (board_district_source_id IS NULL)),
    CHECK ((region IS NULL) = (region_source_id IS NULL))
);

-- Coordinates only where a source gives them; never geocoded or guessed.
CREATE TABLE school_locations (
    school_id  VARCHAR NOT NULL REFERENCES schools (school_id),
    lat        DOUBLE NOT NULL CHECK (lat BETWEEN 33 AND 35),
    lon        DOUBLE NOT NULL CHECK (lon BETWEEN -119 AND -117),
    source_id  VARCHAR NOT NULL REFERENCES sources (source_id),
    locator    VARCHAR NOT NULL,
    research_ref VARCHAR,  -- internal research note; never shown
    is_primary BOOLEAN NOT NULL,
    note       VARCHAR,
    PRIMARY KEY (school_id, source_id)
);

-- ---------------------------------------------------------------- deployments 2023-24
CREATE TABLE deployments_by_board_district (
    school_year    VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    board_district INTEGER NOT NULL CHECK (board_district BETWEEN 1 AND 7) REFERENCES board_districts (board_district),
    deployments    INTEGER NOT NULL CHECK (deployments >= 0),
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    PRIMARY KEY (school_year, board_district)
);

CREATE TABLE deployments_by_region (
    school_year VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    region      VARCHAR NOT NULL CHECK (region IN ('North', 'East', 'South', 'West')) REFERENCES regions (region),
    deployments INTEGER NOT NULL CHECK (deployments >= 0),
    source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    locator     VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    PRIMARY KEY (school_year, region)
);

CREATE TABLE deployment_facts (
    school_year VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    measure     VARCHAR NOT NULL CHECK (measure IN ('deployments', 'campuses', 'sites', 'total_by_board_district', 'total_by_region')),
    value       INTEGER NOT NULL CHECK (value >= 0),
    approx      BOOLEAN NOT NULL,
    qualifier   VARCHAR,
    as_of       DATE,
    source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    locator     VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    PRIMARY KEY (school_year, measure),
    CHECK (approx = (qualifier IS NOT NULL))
);

CREATE TABLE deployment_conditions (
    condition_id VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL CHECK (kind IN ('authorizing_reason', 'accompanying_resource')),
    sort_order   INTEGER NOT NULL,
    label        VARCHAR NOT NULL,
    label_es     VARCHAR CHECK (translated(label, label_es)),
    source_id    VARCHAR NOT NULL REFERENCES sources (source_id),
    locator      VARCHAR NOT NULL
);

CREATE TABLE policy_points (
    policy_id  VARCHAR NOT NULL,
    version    VARCHAR NOT NULL CHECK (version IN ('current', 'revised')),
    sort_order INTEGER NOT NULL,
    summary    VARCHAR NOT NULL,
    summary_es VARCHAR CHECK (translated(summary, summary_es)),
    source_id  VARCHAR NOT NULL REFERENCES sources (source_id),
    locator    VARCHAR NOT NULL,
    PRIMARY KEY (policy_id, version, sort_order)
);

-- ---------------------------------------------------------------- research observations (long format)
-- Conflicting sources are separate rows; nothing here is averaged or chosen.


-- Loaded from several CSV files (laspd_history, district_budget_context, cbs_funding, safe_passage_counts,
-- enrollment_context); `dataset` is the file the row came from.
CREATE TABLE observations (
    dataset     VARCHAR NOT NULL CHECK (dataset IN ('laspd_history', 'district_budget_context', 'cbs_funding',
                                                    'safe_passage_counts', 'enrollment_context')),
    obs_id      VARCHAR NOT NULL,
    school_year VARCHAR CHECK (valid_school_year(school_year)),
    period      VARCHAR,
    period_es   VARCHAR CHECK (translated(period, period_es)),
    metric      VARCHAR NOT NULL,
    value       DECIMAL(18, 2) NOT NULL,
    unit        VARCHAR NOT NULL CHECK (unit IN ('usd', 'count', 'percent', 'fte', 'minutes')),
    approx      BOOLEAN NOT NULL,
    qualifier   VARCHAR,
    basis       VARCHAR NOT NULL CHECK (basis IN ('adopted', 'proposed', 'reported', 'pre-cut', 'after-cut', 'planned', 'failed-proposal', 'draft-option')),
    label       VARCHAR NOT NULL,
    label_es    VARCHAR CHECK (translated(label, label_es)),
    source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    locator     VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    research_ref VARCHAR,  -- internal research note; never shown
    note        VARCHAR,
    note_es     VARCHAR CHECK (translated(note, note_es)),
    PRIMARY KEY (dataset, obs_id),
    CHECK (unit <> 'usd' OR value >= 0),
    CHECK (unit <> 'percent' OR value BETWEEN -100 AND 1000),
    CHECK (approx = (qualifier IS NOT NULL))
);


CREATE TABLE enrollment (
    obs_id      VARCHAR PRIMARY KEY,
    school_year VARCHAR CHECK (valid_school_year(school_year)),  -- empty for an undated page
    students    INTEGER NOT NULL CHECK (students > 0),
    approx      BOOLEAN NOT NULL,
    qualifier   VARCHAR,
    -- incl_charters_early_adult: graded enrollment incl. charters PLUS early and adult education (never a
    -- whole-district K-12 denominator)
    scope       VARCHAR NOT NULL CHECK (scope IN ('district_run_k12', 'district_run_prek12', 'incl_charters',
                                                  'incl_charters_early_adult', 'independent_charters',
                                                  'early_education', 'adult_education', 'unstated')),
    definition  VARCHAR NOT NULL,
    definition_es VARCHAR CHECK (translated(definition, definition_es)),
    source_id   VARCHAR NOT NULL REFERENCES sources (source_id),
    locator     VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    research_ref VARCHAR,  -- internal research note; never shown
    note        VARCHAR,
    CHECK (approx = (qualifier IS NOT NULL))
);

-- ---------------------------------------------------------------- community-based safety, engagement, decisions
CREATE TABLE safe_passage_sites (
    site_id    VARCHAR PRIMARY KEY,
    school_id  VARCHAR REFERENCES schools (school_id),
    area       VARCHAR,
    area_es    VARCHAR CHECK (translated(area, area_es)),
    program    VARCHAR NOT NULL,
    program_es VARCHAR CHECK (translated(program, program_es)),
    provider   VARCHAR,
    provider_es VARCHAR CHECK (translated(provider, provider_es)),
    years      VARCHAR,
    years_es   VARCHAR CHECK (translated(years, years_es)),
    start_year INTEGER CHECK (start_year IS NULL OR start_year BETWEEN 1940 AND 2100),
    end_year   INTEGER CHECK (end_year IS NULL OR end_year BETWEEN 1940 AND 2100),
    status     VARCHAR NOT NULL CHECK (status IN ('running', 'ended', 'proposed', 'unknown')),
    -- when the source reported that status: in words as the source dates it, and the year (empty if undated)
    status_reported VARCHAR NOT NULL CHECK (length(trim(status_reported)) > 0),
    status_reported_es VARCHAR CHECK (translated(status_reported, status_reported_es)),
    status_year     INTEGER CHECK (status_year IS NULL OR status_year BETWEEN 1940 AND 2100),
    source_id  VARCHAR NOT NULL REFERENCES sources (source_id),
    locator    VARCHAR NOT NULL,
    research_ref VARCHAR,  -- internal research note; never shown
    note       VARCHAR,
    note_es    VARCHAR CHECK (translated(note, note_es)),
    CHECK (school_id IS NOT NULL OR area IS NOT NULL),
    CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year)
);

CREATE TABLE town_halls (
    event_date     DATE PRIMARY KEY,
    region         VARCHAR NOT NULL REFERENCES regions (region),
    school_name    VARCHAR NOT NULL,
    school_id      VARCHAR REFERENCES schools (school_id),
    employees_time VARCHAR NOT NULL,
    employees_time_es VARCHAR CHECK (translated(employees_time, employees_time_es)),
    parents_time   VARCHAR NOT NULL,
    parents_time_es VARCHAR CHECK (translated(parents_time, parents_time_es)),
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL,
    note           VARCHAR
);

CREATE TABLE timeline (
    event_id       VARCHAR PRIMARY KEY,
    event_date     DATE NOT NULL,
    date_precision VARCHAR NOT NULL CHECK (date_precision IN ('day', 'month')),
    kind           VARCHAR NOT NULL CHECK (kind IN ('resolution', 'budget', 'policy', 'report', 'engagement', 'organization')),
    event          VARCHAR NOT NULL,
    event_es       VARCHAR CHECK (translated(event, event_es)),
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL,
    research_ref   VARCHAR,  -- internal research note; never shown
    note           VARCHAR,
    CHECK (date_precision = 'day' OR day(event_date) = 1)
);

-- ---------------------------------------------------------------- what is known since 2023-24
-- One row per statement a source makes about 2024-25 or later (plus the school-police funding statement for the
-- two budgets before), from the second research round. These are reports, mostly by news outlets or aggregators:
-- never district budget lines. `value` only where the source gives a number; a figure that another table already
-- holds is not copied: figure_ref names its row ('<dataset>:<obs_id>' of observations).
CREATE TABLE later_years (
    statement_id     VARCHAR PRIMARY KEY CHECK (regexp_full_match(statement_id, '[a-z0-9][a-z0-9-]*')),
    -- one school year; a statement about several years leaves it empty and gives them in `period`
    school_year      VARCHAR CHECK (valid_school_year(school_year)),
    period           VARCHAR,
    period_es        VARCHAR CHECK (translated(period, period_es)),
    topic            VARCHAR NOT NULL CHECK (topic IN ('school_police', 'school_support_staff', 'safe_passage',
                                                       'district_budget', 'workforce', 'enrollment',
                                                       'campus_security')),
    statement_en     VARCHAR NOT NULL CHECK (length(trim(statement_en)) > 0),
    statement_es     VARCHAR NOT NULL CHECK (length(trim(statement_es)) > 0),
    value            DECIMAL(18, 2),
    unit             VARCHAR CHECK (unit IN ('usd', 'count', 'percent')),
    approx           BOOLEAN NOT NULL,
    qualifier        VARCHAR,
    figure_ref       VARCHAR,
    source_id        VARCHAR NOT NULL REFERENCES sources (source_id),
    locator          VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    research_ref     VARCHAR,  -- internal research note; never shown
    reliability_note VARCHAR NOT NULL CHECK (length(trim(reliability_note)) > 0),
    reliability_note_es VARCHAR CHECK (translated(reliability_note, reliability_note_es)),
    CHECK ((value IS NULL) = (unit IS NULL)),
    CHECK (approx = (qualifier IS NOT NULL)),
    CHECK (value IS NOT NULL OR NOT approx),
    CHECK (value IS NULL OR figure_ref IS NULL),
    CHECK (unit IS DISTINCT FROM 'usd' OR value >= 0),
    CHECK (school_year IS NOT NULL OR period IS NOT NULL)
);

-- ---------------------------------------------------------------- derived views (never stored as data)
-- A published total beside the sum of its lines, and the difference, for every measure that has lines.
CREATE VIEW budget_reconciliation AS
WITH sums AS (
    SELECT school_year,
           sum(fte) AS fte,
           sum(budgeted_usd) AS usd,
           count(*) AS lines,
           count(*) FILTER (WHERE fte IS NULL) AS lines_without_fte
    FROM budget_lines
    GROUP BY school_year
)
SELECT t.school_year,
       t.measure,
       t.published_value,
       CASE t.measure WHEN 'fte' THEN s.fte ELSE s.usd END AS computed_value,
       t.published_value - CASE t.measure WHEN 'fte' THEN s.fte ELSE s.usd END AS difference,
       s.lines,
       CASE t.measure WHEN 'fte' THEN s.lines_without_fte ELSE 0 END AS lines_without_value,
       t.source_id,
       t.locator
FROM budget_totals t
JOIN sums s USING (school_year)
WHERE t.measure IN ('fte', 'usd');

-- The multi-year school-police (LASPD) series: every laspd_history observation, plus the district's own points
-- read from the district safety budget table, so that each figure still lives in one CSV row: the 'Sworn Peace
-- Officers' line gives sworn_budgeted_fte (budgeted full-time equivalents: not a count of officers employed) and
-- sworn_positions_budget_usd (the budget of those positions: not the department's total budget).
CREATE VIEW laspd_series_points AS
-- A budget line's label is its published name; in Spanish with its explanation beside it.
SELECT dataset, obs_id, school_year, period, period_es, metric, value, unit, approx, qualifier, basis, label, label_es,
       source_id, locator, research_ref, note, note_es
FROM observations
WHERE dataset = 'laspd_history'
UNION ALL
SELECT 'budget_lines', 'sworn-budgeted-fte-' || school_year, school_year, NULL, NULL, 'sworn_budgeted_fte',
       CAST(fte AS DECIMAL(18, 2)), 'fte', approx, NULL, 'reported', position_item,
       position_item || ' — ' || position_item_es, source_id, locator, NULL, NULL, NULL
FROM budget_lines
WHERE line_id = 'sworn-peace-officers' AND fte IS NOT NULL
UNION ALL
SELECT 'budget_lines', 'sworn-positions-budget-' || school_year, school_year, NULL, NULL, 'sworn_positions_budget_usd',
       CAST(budgeted_usd AS DECIMAL(18, 2)), 'usd', approx, NULL, 'reported', position_item,
       position_item || ' — ' || position_item_es, source_id, locator, NULL, NULL, NULL
FROM budget_lines
WHERE line_id = 'sworn-peace-officers';

CREATE VIEW deployment_reconciliation AS
WITH sums AS (
    SELECT school_year, 'total_by_board_district' AS measure, sum(deployments) AS computed_value
    FROM deployments_by_board_district GROUP BY school_year
    UNION ALL
    SELECT school_year, 'total_by_region', sum(deployments)
    FROM deployments_by_region GROUP BY school_year
)
SELECT f.school_year,
       CASE f.measure WHEN 'total_by_region' THEN 'region' ELSE 'board_district' END AS breakdown,
       f.value AS published_value,
       s.computed_value,
       f.value - s.computed_value AS difference,
       f.source_id,
       f.locator
FROM deployment_facts f
JOIN sums s USING (school_year, measure);

-- ---------------------------------------------------------------- map label points (Deployments page)
-- Where the map puts a board district's or region's symbol. Approximate label positions, NOT boundaries:
-- `method` says how each was placed and from what; source_id/locator name the fact the placement rests on.
CREATE TABLE map_label_points (
    kind      VARCHAR NOT NULL CHECK (kind IN ('board_district', 'region')),
    key       VARCHAR NOT NULL,
    lat       DOUBLE NOT NULL CHECK (lat BETWEEN 33.70 AND 34.36),
    lon       DOUBLE NOT NULL CHECK (lon BETWEEN -118.67 AND -118.14),
    approx    BOOLEAN NOT NULL CHECK (approx),
    method    VARCHAR NOT NULL CHECK (length(trim(method)) > 0),
    method_es VARCHAR CHECK (translated(method, method_es)),
    source_id VARCHAR NOT NULL REFERENCES sources (source_id),
    locator   VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    research_ref VARCHAR,  -- internal research note; never shown
    PRIMARY KEY (kind, key),
    CHECK ((kind = 'board_district' AND key IN ('1', '2', '3', '4', '5', '6', '7'))
           OR (kind = 'region' AND key IN ('North', 'East', 'South', 'West')))
);

-- ---------------------------------------------------------------- community-based safety page: what is not published
-- Data the district has not released, each with the document that refers to it (descriptions in our words).
CREATE TABLE unpublished_data (
    item                VARCHAR PRIMARY KEY CHECK (regexp_full_match(item, '[a-z0-9][a-z0-9-]*')),
    description         VARCHAR NOT NULL CHECK (length(trim(description)) > 0),
    description_es      VARCHAR CHECK (translated(description, description_es)),
    source_id           VARCHAR NOT NULL REFERENCES sources (source_id),  -- the document that refers to it
    locator             VARCHAR NOT NULL CHECK (length(trim(locator)) > 0)
);

CREATE TABLE build_info (
    fingerprint VARCHAR NOT NULL,
    built_at    TIMESTAMP NOT NULL,
    row_counts  VARCHAR NOT NULL
);

-- ---------------------------------------------------------------- 2018 state school directory (geo-data)
-- Active LAUSD schools of the California Department of Education's public schools directory, June 2018 copy,
-- written by scripts/make_basemap.py from ../shared/geo. Mid-2018: schools opened or closed since are missing,
-- and it counts schools, not the district's "~780 sites" of 2023-24. `level` is our code, derived from soc_type
-- by the rule written here and in the script (LEVEL_BY_SOC_TYPE).
CREATE TABLE school_directory (
    cds_code       VARCHAR PRIMARY KEY CHECK (regexp_full_match(cds_code, '[0-9]{14}')),
    name           VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
    street         VARCHAR NOT NULL,
    city           VARCHAR NOT NULL,
    zip            VARCHAR NOT NULL CHECK (regexp_full_match(zip, '[0-9]{5}(-[0-9]{4})?')),
    charter        BOOLEAN NOT NULL,
    soc_type       VARCHAR NOT NULL,
    ed_ops_name    VARCHAR,
    grades_offered VARCHAR,
    level          VARCHAR NOT NULL CHECK (level IN ('elementary', 'middle', 'high', 'k12', 'special_education',
                                                     'adult', 'preschool', 'other')),
    -- as published (6 decimals at most); the LAUSD area widened by about 0.1 degree
    lat            DOUBLE NOT NULL CHECK (lat BETWEEN 33.6 AND 34.46),
    lon            DOUBLE NOT NULL CHECK (lon BETWEEN -118.77 AND -118.04),
    open_date      DATE,
    last_updated   DATE NOT NULL CHECK (last_updated <= DATE '2018-06-30'),
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    CHECK (level = CASE soc_type
                       WHEN 'Elementary Schools (Public)' THEN 'elementary'
                       WHEN 'Intermediate/Middle Schools (Public)' THEN 'middle'
                       WHEN 'High Schools (Public)' THEN 'high'
                       WHEN 'Continuation High Schools' THEN 'high'
                       WHEN 'K-12 Schools (Public)' THEN 'k12'
                       WHEN 'Special Education Schools (Public)' THEN 'special_education'
                       WHEN 'Adult Education Centers' THEN 'adult'
                       WHEN 'Preschool' THEN 'preschool'
                       ELSE 'other' END)
);

-- Which directory row (if any) each school named in our data is: reviewed by a person, one row per name as a
-- table writes it (schools by school_id; town_halls by event_date). Safe-passage sites name schools only through
-- school_id, so their match is the schools row. `match`: exact_name, normalized_name (the same name once the
-- directory's conventions are undone: "Senior High", "Elementary", spelled-out numbers, "and" for "&", the
-- namesake's full name), same_school_renamed, campus_of (the campus is now another school's), no_match,
-- ambiguous. source_id/locator: the directory that was searched.
CREATE TABLE school_directory_matches (
    name_in_source VARCHAR NOT NULL CHECK (length(trim(name_in_source)) > 0),
    in_table       VARCHAR NOT NULL CHECK (in_table IN ('schools', 'town_halls')),
    row_key        VARCHAR NOT NULL,
    cds_code       VARCHAR REFERENCES school_directory (cds_code),
    match          VARCHAR NOT NULL CHECK (match IN ('exact_name', 'normalized_name', 'same_school_renamed',
                                                     'campus_of', 'no_match', 'ambiguous')),
    why            VARCHAR NOT NULL CHECK (length(trim(why)) > 0),
    reviewed_by    VARCHAR NOT NULL CHECK (length(trim(reviewed_by)) > 0),
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    locator        VARCHAR NOT NULL CHECK (length(trim(locator)) > 0),
    PRIMARY KEY (in_table, row_key),
    CHECK ((cds_code IS NULL) = (match IN ('no_match', 'ambiguous')))
);
-- ---------------------------------------------------------------- incidents and school-police activity
-- Every incident or school-police figure is one row of `incidents` and belongs to exactly one series: one
-- definition, one unit. Different definitions ("weapons incidents" in district data, weapons found by school
-- police, knives and firearms confiscated) are different series. Revised figures and conflicting sources are
-- separate rows (a revision differs in `reported_on`); multi-year totals stay totals and are never split into years;
-- published percentage changes are their own series and are never turned into counts.
-- `research_ref` names the row of the research notes a figure was checked against: tests read it, the app never
-- shows it. Locators say where in the source document, and may not name the research notes.

-- A date written as precisely as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD (these sort as text).
CREATE MACRO incident_partial_date(d) AS
    d IS NULL OR regexp_full_match(d, '(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?');
-- A locator is ours, about the source document: never empty, never a pointer into the research notes.
CREATE MACRO incident_locator_ok(l) AS
    length(trim(l)) > 0 AND NOT regexp_matches(lower(l), '\.md|§|facts_|research');

CREATE TABLE incident_series (
    series_id     VARCHAR PRIMARY KEY CHECK (regexp_full_match(series_id, '[a-z][a-z0-9_]*')),
    topic         VARCHAR NOT NULL CHECK (topic IN ('fights', 'weapons', 'violent_incidents', 'suicidal_behaviour',
                                                    'incident_reports', 'threats', 'campus_security', 'police_activity',
                                                    'tickets', 'diversion', 'use_of_force', 'disparity', 'denominator')),
    measure       VARCHAR NOT NULL CHECK (measure IN ('count', 'share', 'change', 'ratio')),
    unit          VARCHAR NOT NULL CHECK (unit IN ('incidents', 'weapons', 'firearms', 'items', 'confiscations', 'arrests',
                                                  'citations', 'diversions', 'referrals', 'tickets', 'summonses', 'students',
                                                  'reports', 'issues', 'threats', 'campuses', 'schools', 'percent', 'ratio')),
    geography     VARCHAR NOT NULL CHECK (geography IN ('district', 'local_district', 'school_level')),
    -- what `incidents.group_key` means in this series; empty when the series has one value per period
    breakdown     VARCHAR CHECK (breakdown IN ('local_district', 'school_level', 'weapon_type', 'item_type', 'offence_type', 'race')),
    -- whose records are counted: LAUSD incident data (incl. iSTAR), the school police (LASPD), the City Attorney's panel
    data_from     VARCHAR NOT NULL CHECK (data_from IN ('district', 'school_police', 'city_panel', 'unstated')),
    label_en      VARCHAR NOT NULL CHECK (length(trim(label_en)) > 0),
    label_es      VARCHAR NOT NULL CHECK (length(trim(label_es)) > 0),
    definition_en VARCHAR NOT NULL CHECK (length(trim(definition_en)) > 0),
    definition_es VARCHAR NOT NULL CHECK (length(trim(definition_es)) > 0),
    -- the source whose description the definition follows
    source_id     VARCHAR NOT NULL REFERENCES sources (source_id),
    locator       VARCHAR NOT NULL CHECK (incident_locator_ok(locator)),
    note          VARCHAR,
    CHECK ((measure IN ('share', 'change')) = (unit = 'percent')),
    CHECK ((measure = 'ratio') = (unit = 'ratio')),
    CHECK (geography = 'district' OR breakdown = geography)
);

CREATE TABLE incidents (
    obs_id           VARCHAR PRIMARY KEY CHECK (regexp_full_match(obs_id, '[a-z0-9][a-z0-9-]*')),
    series_id        VARCHAR NOT NULL REFERENCES incident_series (series_id),
    school_year      VARCHAR CHECK (valid_school_year(school_year)),
    period           VARCHAR,          -- in words, when the figure is not simply one school year
    period_es        VARCHAR CHECK (translated(period, period_es)),
    period_start     VARCHAR CHECK (incident_partial_date(period_start)),  -- empty for a plain school year
    period_end       VARCHAR CHECK (incident_partial_date(period_end)),
    base_school_year VARCHAR CHECK (valid_school_year(base_school_year)),  -- a change's starting year, when the source names it
    coverage         VARCHAR NOT NULL CHECK (coverage IN ('full_year', 'partial_year', 'first_month', 'calendar_year',
                                                          'partial_calendar_year', 'multi_year_total', 'multi_year_period',
                                                          'change', 'point_in_time', 'unspecified')),
    as_of            DATE,             -- the date a partial figure runs to, when the source gives it
    reported_on      VARCHAR CHECK (incident_partial_date(reported_on)),   -- date of the source: tells a revision apart
    group_key        VARCHAR,          -- a Local District, school level, weapon type…; empty for a district-wide value
    value            DECIMAL(18, 3),   -- empty only when the source's figure cannot be read (the note says why)
    approx           BOOLEAN NOT NULL,
    qualifier        VARCHAR,
    source_id        VARCHAR NOT NULL REFERENCES sources (source_id),
    locator          VARCHAR NOT NULL CHECK (incident_locator_ok(locator)),
    research_ref     VARCHAR CHECK (research_ref IS NULL OR length(trim(research_ref)) > 0),
    note             VARCHAR,
    note_es          VARCHAR CHECK (translated(note, note_es)),
    CHECK (approx = (qualifier IS NOT NULL)),
    CHECK (school_year IS NOT NULL OR period IS NOT NULL),
    CHECK (value IS NOT NULL OR (note IS NOT NULL AND NOT approx)),
    CHECK (coverage NOT IN ('full_year', 'partial_year', 'first_month') OR school_year IS NOT NULL),
    CHECK (coverage NOT IN ('multi_year_total', 'multi_year_period')
           OR (school_year IS NULL AND period_start IS NOT NULL AND period_end IS NOT NULL
               AND substr(period_start, 1, 4) < substr(period_end, 1, 4))),
    CHECK (coverage NOT IN ('calendar_year', 'partial_calendar_year')
           OR (period_start IS NOT NULL AND period_end IS NOT NULL AND substr(period_start, 1, 4) = substr(period_end, 1, 4))),
    CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end),
    CHECK (base_school_year IS NULL OR (coverage = 'change' AND school_year IS NOT NULL AND base_school_year < school_year)),
    CHECK (as_of IS NULL OR coverage IN ('partial_year', 'partial_calendar_year', 'point_in_time'))
);

-- A group's share of enrollment beside its share of a kind of police action, one row per source, period, group and
-- action. Either share may be missing (not published); each has its own hedge flag and the source's word.
CREATE TABLE disparities (
    obs_id               VARCHAR PRIMARY KEY CHECK (regexp_full_match(obs_id, '[a-z0-9][a-z0-9-]*')),
    period               VARCHAR NOT NULL CHECK (length(trim(period)) > 0),
    period_es            VARCHAR CHECK (translated(period, period_es)),
    school_year          VARCHAR CHECK (valid_school_year(school_year)),
    period_start         VARCHAR CHECK (incident_partial_date(period_start)),
    period_end           VARCHAR CHECK (incident_partial_date(period_end)),
    reported_on          VARCHAR CHECK (incident_partial_date(reported_on)),
    group_key            VARCHAR NOT NULL CHECK (group_key IN ('black', 'white', 'latinx', 'hispanic_male', 'hispanic_female', 'other')),
    action               VARCHAR NOT NULL CHECK (action IN ('cited', 'ticketed', 'arrests', 'arrests_citations_referrals',
                                                            'arrests_citations_diversions', 'serious_interactions')),
    enrollment_share     DECIMAL(5, 2) CHECK (enrollment_share BETWEEN 0 AND 100),
    enrollment_approx    BOOLEAN,
    enrollment_qualifier VARCHAR,
    action_share         DECIMAL(5, 2) CHECK (action_share BETWEEN 0 AND 100),
    action_approx        BOOLEAN,
    action_qualifier     VARCHAR,
    source_id            VARCHAR NOT NULL REFERENCES sources (source_id),
    locator              VARCHAR NOT NULL CHECK (incident_locator_ok(locator)),
    research_ref         VARCHAR CHECK (research_ref IS NULL OR length(trim(research_ref)) > 0),
    note                 VARCHAR,
    note_es              VARCHAR CHECK (translated(note, note_es)),
    CHECK (enrollment_share IS NOT NULL OR action_share IS NOT NULL),
    CHECK ((enrollment_share IS NULL) = (enrollment_approx IS NULL)),
    CHECK ((action_share IS NULL) = (action_approx IS NULL)),
    CHECK (coalesce(enrollment_approx, false) = (enrollment_qualifier IS NOT NULL)),
    CHECK (coalesce(action_approx, false) = (action_qualifier IS NOT NULL)),
    CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)
);

-- Students' sense of safety: one row per survey item, group, school level and response, with the item's wording.
CREATE TABLE climate_survey (
    obs_id        VARCHAR PRIMARY KEY CHECK (regexp_full_match(obs_id, '[a-z0-9][a-z0-9-]*')),
    school_year   VARCHAR NOT NULL CHECK (valid_school_year(school_year)),
    survey        VARCHAR NOT NULL CHECK (survey IN ('school_experience_survey', 'district_poll')),
    item_en       VARCHAR NOT NULL CHECK (length(trim(item_en)) > 0),
    item_es       VARCHAR NOT NULL CHECK (length(trim(item_es)) > 0),
    -- quoted: the survey's own wording as the source quotes it; described: our description, the source gives none
    item_basis    VARCHAR NOT NULL CHECK (item_basis IN ('quoted', 'described')),
    student_group VARCHAR NOT NULL CHECK (student_group IN ('all', 'black')),
    school_level  VARCHAR NOT NULL CHECK (school_level IN ('all', 'elementary', 'middle', 'high')),
    response      VARCHAR NOT NULL CHECK (response IN ('agree_or_strongly_agree', 'neither_agree_nor_disagree',
                                                       'disagree_or_strongly_disagree', 'reported_feeling_safe')),
    value         DECIMAL(5, 2) NOT NULL CHECK (value BETWEEN 0 AND 100),  -- percent of respondents
    approx        BOOLEAN NOT NULL,
    qualifier     VARCHAR,
    source_id     VARCHAR NOT NULL REFERENCES sources (source_id),
    locator       VARCHAR NOT NULL CHECK (incident_locator_ok(locator)),
    research_ref  VARCHAR CHECK (research_ref IS NULL OR length(trim(research_ref)) > 0),
    note          VARCHAR,
    note_es       VARCHAR CHECK (translated(note, note_es)),
    UNIQUE (school_year, survey, student_group, school_level, response, source_id),
    CHECK (approx = (qualifier IS NOT NULL))
);

-- Dated decisions and events to mark on incident charts. A row either carries its own date, or points at a
-- timeline.csv event (whose date and description stay there) and adds only a short chart label in both languages.
CREATE TABLE incident_annotations (
    annotation_id     VARCHAR PRIMARY KEY CHECK (regexp_full_match(annotation_id, '[a-z0-9][a-z0-9-]*')),
    kind              VARCHAR NOT NULL CHECK (kind IN ('decision', 'event')),
    timeline_event_id VARCHAR REFERENCES timeline (event_id),
    event_date        DATE,
    date_precision    VARCHAR CHECK (date_precision IN ('day', 'month', 'school_year')),
    school_year       VARCHAR CHECK (valid_school_year(school_year)),
    label_en          VARCHAR NOT NULL CHECK (length(trim(label_en)) > 0),
    label_es          VARCHAR NOT NULL CHECK (length(trim(label_es)) > 0),
    source_id         VARCHAR NOT NULL REFERENCES sources (source_id),
    locator           VARCHAR NOT NULL CHECK (incident_locator_ok(locator)),
    research_ref      VARCHAR CHECK (research_ref IS NULL OR length(trim(research_ref)) > 0),
    note              VARCHAR,
    CHECK ((timeline_event_id IS NULL) = (date_precision IS NOT NULL)),
    CHECK (timeline_event_id IS NULL OR (event_date IS NULL AND school_year IS NULL)),
    CHECK (date_precision IS NULL OR date_precision = 'school_year' OR event_date IS NOT NULL),
    CHECK (date_precision IS DISTINCT FROM 'school_year' OR (event_date IS NULL AND school_year IS NOT NULL)),
    CHECK (date_precision IS DISTINCT FROM 'month' OR day(event_date) = 1)
);

-- Annotations with the date resolved (their own, or their timeline event's).
CREATE VIEW incident_annotation_dates AS
SELECT a.annotation_id,
       a.kind,
       coalesce(a.event_date, t.event_date) AS event_date,
       coalesce(a.date_precision, t.date_precision) AS date_precision,
       a.school_year,
       a.label_en,
       a.label_es,
       a.timeline_event_id,
       a.source_id,
       a.locator
FROM incident_annotations a
LEFT JOIN timeline t ON t.event_id = a.timeline_event_id;
