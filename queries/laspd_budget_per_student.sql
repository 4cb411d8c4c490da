-- School-police (LASPD) department budget per student, only for school years that have BOTH a department
-- budget figure and an enrollment count whose scope is stated as a whole-district count (district-run K-12,
-- district-run preK-12, or including charters). Every (budget figure, enrollment figure) pair of the same year
-- is its own row: nothing is chosen or averaged. Proposals, failed proposals and draft options are not
-- budgets and are left out. Scopes differ between years, so the rows are not one consistent series.
SELECT b.school_year,
       b.value AS budget_usd, b.approx AS budget_approx, b.qualifier AS budget_qualifier, b.basis,
       b.label AS budget_label, bs.publisher AS budget_publisher, bs.title AS budget_title, bs.title_es AS budget_title_es,
       bs.kind AS budget_source_kind, b.source_id AS budget_source_id, b.locator AS budget_locator,
       e.students, e.approx AS enrollment_approx, e.qualifier AS enrollment_qualifier, e.scope, e.definition,
       e.definition_es,
       es.publisher AS enrollment_publisher, es.title AS enrollment_title, es.title_es AS enrollment_title_es, es.kind AS enrollment_source_kind,
       e.source_id AS enrollment_source_id, e.locator AS enrollment_locator,
       CAST(b.value AS DOUBLE) / e.students AS usd_per_student,
       b.obs_id AS budget_obs_id, e.obs_id AS enrollment_obs_id
FROM observations b
JOIN enrollment e ON e.school_year = b.school_year
JOIN sources bs ON bs.source_id = b.source_id
JOIN sources es ON es.source_id = e.source_id
WHERE b.dataset = 'laspd_history'
  AND b.metric = 'department_budget_usd'
  AND b.basis IN ('adopted', 'reported', 'pre-cut', 'after-cut')
  AND e.scope IN ('district_run_k12', 'district_run_prek12', 'incl_charters')
ORDER BY b.school_year, b.value, e.students, b.obs_id, e.obs_id;
