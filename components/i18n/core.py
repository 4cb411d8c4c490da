"""The app's shared words (shell, sources, citations, the Overview), English and Spanish."""

CATALOG: dict[str, dict[str, str]] = {
    # ---- app shell
    "nav.overview": {"en": "Overview", "es": "Resumen"},
    "nav.sources": {"en": "Sources", "es": "Fuentes"},
    "nav.spending": {"en": "Spending", "es": "Gasto"},
    "nav.deployments": {"en": "Deployments", "es": "Despliegues"},
    "nav.community": {"en": "Community-based safety", "es": "Seguridad comunitaria"},
    "lang.label": {"en": "Language", "es": "Idioma"},
    "db.rebuilt_damaged": {
        "en": "The database file was missing or damaged, so it was rebuilt from the published CSV files.",
        "es": "El archivo de la base de datos faltaba o estaba dañado; se reconstruyó con los archivos CSV publicados.",
    },
    "db.failed": {
        "en": "The dashboard's data could not be loaded, and no earlier version is available. "
        "Staff: fix the CSV files named below, then reload.",
        "es": "No se pudieron cargar los datos del tablero y no hay una versión anterior. "
        "Personal: corrijan los archivos CSV indicados abajo y vuelvan a cargar.",
    },
    "db.unreadable": {
        "en": "The dashboard's database cannot be read right now. Please reload the page in a minute.",
        "es": "No se puede leer la base de datos del tablero en este momento. Vuelva a cargar la página en un minuto.",
    },
    # ---- shared labels
    "common.show_table": {"en": "Show the data as a table", "es": "Ver los datos en una tabla"},
    "common.download_csv": {"en": "Download CSV", "es": "Descargar CSV"},
    "common.approx": {
        "en": "approximate (the source says “{qualifier}”)",
        "es": "aproximado (la fuente dice “{qualifier}”)",
    },
    "common.not_published": {"en": "not published", "es": "no publicado"},
    "kind.district": {"en": "district document", "es": "documento del distrito"},
    "kind.news": {"en": "news report", "es": "noticia"},
    "kind.advocacy": {"en": "advocacy organization", "es": "organización de incidencia"},
    "kind.research": {"en": "research institute", "es": "instituto de investigación"},
    "kind.government": {"en": "government agency", "es": "agencia de gobierno"},
    "kind.reference": {"en": "reference site", "es": "sitio de referencia"},
    "kind.elected_official": {"en": "elected official's office", "es": "oficina de un funcionario electo"},
    "kind.school": {"en": "school website", "es": "sitio web de una escuela"},
    "kind.unattributed": {"en": "publisher not named", "es": "editor no identificado"},
    "cite.line": {"en": "Source: {citations}", "es": "Fuente: {citations}"},
    "cite.summary": {
        "en": "Sources: {n} documents ({kinds}); each row's source is named in the data table.",
        "es": "Fuentes: {n} documentos ({kinds}); la fuente de cada fila aparece en la tabla de datos.",
    },
    "cite.lines": {"en": "Sources: {citations}", "es": "Fuentes: {citations}"},
    # ---- overview
    "ov.title": {
        "en": "Where LAUSD's school-safety money goes",
        "es": "A dónde va el dinero de seguridad escolar de LAUSD",
    },
    "ov.intro": {
        "en": "The district's {year} safety budget, where school police were sent for short-term deployments, "
        "and the decisions that shaped both. Every figure names the document it comes from.",
        "es": "El presupuesto de seguridad del distrito para {year}, a dónde se envió a la policía escolar en "
        "despliegues de corto plazo y las decisiones que marcaron ambos. Cada cifra indica el documento "
        "del que proviene.",
    },
    "ov.finding": {
        "en": "In {year}, the district's {total} safety budget gave {psw} to psychiatric social workers and {police} "
        "to sworn school-police officers: {ratio} times as much for the social workers.",
        "es": "En {year}, el presupuesto de seguridad de {total} del distrito destinó {psw} a trabajadores sociales "
        "psiquiátricos y {police} a agentes juramentados de la policía escolar: {ratio} veces más para los "
        "trabajadores sociales.",
    },
    "ov.finding.mix": {
        "en": "In {year}, school police were {share} of the district's {total} safety budget.",
        "es": "En {year}, la policía escolar representó el {share} del presupuesto de seguridad de {total} del "
        "distrito.",
    },
    "ov.finding.deployments": {
        "en": "In {year}, school police were sent on {n} short-term deployments to {campuses} campuses; the district "
        "has not published a safety budget table for that year.",
        "es": "En {year}, la policía escolar fue enviada en {n} despliegues de corto plazo a {campuses} planteles; el "
        "distrito no ha publicado una tabla del presupuesto de seguridad para ese año.",
    },
    "ov.finding.none": {
        "en": "Nothing is published for {year} yet.",
        "es": "Todavía no hay nada publicado para {year}.",
    },
    "ov.figures.title": {"en": "Key figures, {year}", "es": "Cifras principales, {year}"},
    "ov.checks.title": {
        "en": "How we checked: published totals against their lines",
        "es": "Cómo lo comprobamos: los totales publicados frente a sus líneas",
    },
    "ov.m.budget": {"en": "Safety budget {year}", "es": "Presupuesto {year}"},
    "ov.m.budget_help": {
        "en": "Published total of the district safety budget table: {value}.",
        "es": "Total publicado en la tabla del presupuesto de seguridad del distrito: {value}.",
    },
    "ov.m.fte": {"en": "Staff positions (FTEs)", "es": "Puestos (FTE)"},
    "ov.m.fte_help": {
        "en": "Full-time equivalents, published total. The lines add up to {computed}.",
        "es": "Equivalentes de tiempo completo, total publicado. Las líneas suman {computed}.",
    },
    "ov.m.police_share": {"en": "School police share", "es": "Parte de la policía escolar"},
    "ov.m.police_share_help": {
        "en": "{amount} for {items}, out of {total} (the sum of all budget lines).",
        "es": "{amount} para {items}, de un total de {total} (la suma de todas las líneas).",
    },
    "ov.m.deployments": {"en": "Police deployments {year}", "es": "Despliegues policiales {year}"},
    "ov.m.deployments_help": {"en": "Counted to {date}.", "es": "Contados hasta el {date}."},
    "ov.m.campuses": {"en": "Campuses with a deployment", "es": "Planteles con un despliegue"},
    "ov.m.campuses_help": {
        "en": "{campuses} of about {sites} district sites: about {share}.",
        "es": "{campuses} de unos {sites} sitios del distrito: alrededor del {share}.",
    },
    "ov.m.site_share": {"en": "Share of district sites", "es": "Parte de los sitios del distrito"},
    "ov.m.site_share_delta": {
        "en": "campuses with a deployment, of {sites} sites",
        "es": "planteles con despliegue, de {sites} sitios",
    },
    "ov.m.fte_lines": {"en": "lines add up to {computed}", "es": "las líneas suman {computed}"},
    "ov.dep.members_cite": {
        "en": "Board members in {year}, named in the data table — {citation}",
        "es": "Miembros de la junta en {year}, que aparecen en la tabla de datos — {citation}",
    },
    "ov.m.incidents": {"en": "Fights & aggression {year}", "es": "Peleas y agresiones {year}"},
    "ov.m.incidents_delta": {"en": "{change} ({pct}) from {year}", "es": "{change} ({pct}) respecto de {year}"},
    "ov.m.incidents_revised": {"en": " as reported in {date}", "es": " según lo publicado en {date}"},
    "ov.m.incidents_help": {
        "en": "{what}, whole school year. Source: {source}. More on the Incidents page.",
        "es": "{what}, año escolar completo. Fuente: {source}. Más en la página de Incidentes.",
    },
    "ov.m.incidents_help_change": {
        "en": "{what}, whole school year, compared only with the same series' whole school year before: {year}, "
        "{value}{revised}. Source: {source}. More on the Incidents page.",
        "es": "{what}, año escolar completo, comparado solo con el año escolar completo anterior de la misma serie: "
        "{year}, {value}{revised}. Fuente: {source}. Más en la página de Incidentes.",
    },
    "ov.recon.title": {
        "en": "Published totals checked against their lines",
        "es": "Totales publicados comparados con sus líneas",
    },
    "ov.recon.match": {
        "en": "{what}: the published total {published} equals the sum of the {lines} lines.",
        "es": "{what}: el total publicado de {published} es igual a la suma de las {lines} líneas.",
    },
    "ov.recon.match_rows": {
        "en": "{what}: the rows add up to the published total of {published}.",
        "es": "{what}: las filas suman el total publicado de {published}.",
    },
    "ov.recon.mismatch": {
        "en": "{what}: the source publishes a total of {published}, but its lines add up to {computed} "
        "(difference {difference}). Both figures are shown as published; neither is corrected.",
        "es": "{what}: la fuente publica un total de {published}, pero sus líneas suman {computed} "
        "(diferencia de {difference}). Se muestran ambas cifras tal como se publicaron; ninguna se corrige.",
    },
    "ov.recon.no_value": {
        "en": "{n} line(s) have no FTE figure in the source (shown as N/A).",
        "es": "{n} línea(s) no tienen cifra de FTE en la fuente (aparece como N/A).",
    },
    "ov.recon.fte": {"en": "Staff positions (FTEs)", "es": "Puestos de personal (FTE)"},
    "ov.recon.usd": {"en": "Dollars", "es": "Dólares"},
    "ov.recon.board_district": {"en": "Deployments by board district", "es": "Despliegues por distrito de la junta"},
    "ov.recon.region": {"en": "Deployments by region", "es": "Despliegues por región"},
    "ov.headline_note": {
        "en": "The same slide's headline rounds the total to “{qualifier} {value}”.",
        "es": "El titular de la misma diapositiva redondea el total a “{qualifier} {value}”.",
    },
    "ov.mix.title": {"en": "Spending mix by category, {year}", "es": "Distribución del gasto por categoría, {year}"},
    "ov.mix.caption": {
        "en": "Categories group the budget's {lines} lines; the grouping is ours and lives in "
        "data/budget_line_categories.csv so it can be checked and argued with.",
        "es": "Las categorías agrupan las {lines} líneas del presupuesto; la agrupación es nuestra y está en "
        "data/budget_line_categories.csv para que se pueda revisar y debatir.",
    },
    "ov.mix.x": {"en": "Budgeted dollars", "es": "Dólares presupuestados"},
    "ov.mix.hover": {"en": "{share} of the budget · {fte} FTEs", "es": "{share} del presupuesto · {fte} FTE"},
    "ov.mix.alt": {
        "en": "Bar chart of the {year} safety budget by category. {items}.",
        "es": "Gráfico de barras del presupuesto de seguridad {year} por categoría. {items}.",
    },
    "ov.dep.title": {
        "en": "Where school police were deployed, {year}",
        "es": "Dónde se desplegó a la policía escolar, {year}",
    },
    "ov.dep.caption": {
        "en": "Short-term, on-campus deployments of school police officers, counted by the district to {date}.",
        "es": "Despliegues de corto plazo de agentes de la policía escolar en los planteles, contados por el "
        "distrito hasta el {date}.",
    },
    "ov.dep.region_title": {"en": "By region", "es": "Por región"},
    "ov.dep.bd_title": {"en": "By board district", "es": "Por distrito de la junta"},
    "ov.dep.x": {"en": "Deployments", "es": "Despliegues"},
    "ov.dep.region": {"en": "Region", "es": "Región"},
    "ov.dep.bd": {"en": "Board district", "es": "Distrito de la junta"},
    "ov.dep.bd_label": {"en": "BD {n}", "es": "DJ {n}"},
    "ov.dep.hover": {"en": "{n} deployments · {share} of the total", "es": "{n} despliegues · {share} del total"},
    "ov.dep.alt": {
        "en": "Bar chart of short-term school-police deployments {by}, {year}. {items}.",
        "es": "Gráfico de barras de despliegues de corto plazo de la policía escolar {by}, {year}. {items}.",
    },
    "ov.dep.by_region": {"en": "by region", "es": "por región"},
    "ov.dep.by_bd": {"en": "by board district", "es": "por distrito de la junta"},
    "ov.time.title": {"en": "Key decisions and reports", "es": "Decisiones e informes clave"},
    "ov.time.empty": {"en": "No dated events are in the data yet.", "es": "Aún no hay eventos fechados en los datos."},
    "timeline.kind.resolution": {"en": "Board resolution", "es": "Resolución de la junta"},
    "timeline.kind.budget": {"en": "Budget decision", "es": "Decisión presupuestaria"},
    "timeline.kind.policy": {"en": "Policy", "es": "Política"},
    "timeline.kind.report": {"en": "Report to the board", "es": "Informe a la junta"},
    "timeline.kind.engagement": {"en": "Community engagement", "es": "Participación comunitaria"},
    "timeline.kind.organization": {"en": "Organization", "es": "Organización"},
    # ---- shared filters (components/ui/filters.py)
    "filter.region": {"en": "Region", "es": "Región"},
    "filter.board_district": {"en": "Board district", "es": "Distrito de la junta"},
    "filter.all_regions": {"en": "All regions", "es": "Todas las regiones"},
    "filter.all_board_districts": {"en": "All board districts", "es": "Todos los distritos"},
    "filter.bd_n": {"en": "Board District {n}", "es": "Distrito {n} de la junta"},
    "filter.ignored": {
        "en": "A value in the link was not recognised and was ignored: {names}.",
        "es": "Un valor del enlace no se reconoció y se ignoró: {names}.",
    },
    "filter.ignored_other": {
        "en": "{n} other parameter(s) this page does not use",
        "es": "{n} parámetro(s) más que esta página no usa",
    },
    # ---- table headers
    "col.category": {"en": "Category", "es": "Categoría"},
    "col.position_item": {"en": "Budget line (as published)", "es": "Línea del presupuesto (como se publicó)"},
    "col.location": {"en": "Location level", "es": "Nivel"},
    "col.budgeted_usd": {"en": "Budgeted (USD)", "es": "Presupuestado (USD)"},
    "col.share": {"en": "Share", "es": "Porcentaje"},
    "col.fte": {"en": "FTEs", "es": "FTE"},
    "col.lines": {"en": "Budget lines", "es": "Líneas del presupuesto"},
    "col.region": {"en": "Region", "es": "Región"},
    "col.board_district": {"en": "Board district", "es": "Distrito de la junta"},
    "col.deployments": {"en": "Deployments", "es": "Despliegues"},
    "col.member": {"en": "Board member", "es": "Miembro de la junta"},
    "col.date": {"en": "Date", "es": "Fecha"},
    "col.kind": {"en": "Kind", "es": "Tipo"},
    "col.event": {"en": "Event", "es": "Evento"},
    "col.source": {"en": "Source", "es": "Fuente"},
    "col.locator": {"en": "Where in the source", "es": "Dónde en la fuente"},
    "col.title": {"en": "Title", "es": "Título"},
    "col.publisher": {"en": "Publisher", "es": "Editor"},
    "col.published": {"en": "Published", "es": "Publicado"},
    "col.link": {"en": "Link or document", "es": "Enlace o documento"},
    "col.rows_citing": {"en": "Rows citing it", "es": "Filas que la citan"},
    "col.note": {"en": "Note", "es": "Nota"},
    # ---- sources page
    "src.title": {"en": "Sources", "es": "Fuentes"},
    "src.intro": {
        "en": "Every figure in this dashboard comes from one of these documents or articles. District documents "
        "are the primary sources; news, advocacy and reference sources are marked as such.",
        "es": "Cada cifra de este tablero proviene de uno de estos documentos o artículos. Los documentos del "
        "distrito son las fuentes primarias; las noticias, las organizaciones de incidencia y los sitios de "
        "referencia se identifican como tales.",
    },
    "src.finding": {
        "en": "Every figure on this dashboard comes from one of {n} documents and articles: {district} from the "
        "district itself, and {others} from news, advocacy, research, government and reference sources, each "
        "marked as such. Every row of the data names its document and where in it.",
        "es": "Cada cifra de este tablero proviene de uno de {n} documentos y artículos: {district} del propio "
        "distrito y {others} de noticias, organizaciones de incidencia, investigación, gobierno y sitios de "
        "referencia, cada uno identificado como tal. Cada fila de los datos indica su documento y en qué parte.",
    },
    "src.chart.title": {"en": "Documents by kind of source", "es": "Documentos por tipo de fuente"},
    "src.chart.alt": {
        "en": "Bar chart of the dashboard's documents by kind of source: {items}.",
        "es": "Gráfico de barras de los documentos del tablero por tipo de fuente: {items}.",
    },
    "src.col.documents": {"en": "Documents", "es": "Documentos"},
    "src.sec.list": {"en": "Every document", "es": "Cada documento"},
    "src.filter": {"en": "Kind of source", "es": "Tipo de fuente"},
    "src.all": {"en": "All kinds", "es": "Todos los tipos"},
    "src.count": {"en": "{n} sources", "es": "{n} fuentes"},
    "src.mirror": {"en": "copy of {outlet}", "es": "copia de {outlet}"},
    # ---- the data browser (Sources page): every table of the published data
    "data.title": {"en": "All the data, row by row", "es": "Todos los datos, fila por fila"},
    "data.intro": {
        "en": "Every table behind the dashboard, including figures no chart shows, with the source and the place in it "
        "for every row. Pick a table to read it or download it as CSV.",
        "es": "Cada tabla detrás del tablero, incluidas las cifras que ningún gráfico muestra, con la fuente y el "
        "lugar en ella de cada fila. Elija una tabla para leerla o descargarla como CSV.",
    },
    "data.pick": {"en": "Table", "es": "Tabla"},
    "data.table_rows": {"en": "{table} ({n} rows)", "es": "{table} ({n} filas)"},
    "data.table.board_districts": {"en": "Board districts", "es": "Distritos de la junta"},
    "data.table.board_members": {"en": "Board members by school year", "es": "Miembros de la junta por año escolar"},
    "data.table.budget_line_categories": {
        "en": "Spending category of each budget line (our grouping)",
        "es": "Categoría de gasto de cada línea del presupuesto (agrupación nuestra)",
    },
    "data.table.budget_lines": {
        "en": "District safety budget lines",
        "es": "Líneas del presupuesto de seguridad del distrito",
    },
    "data.table.budget_totals": {
        "en": "Published totals of the safety budget",
        "es": "Totales publicados del presupuesto de seguridad",
    },
    "data.table.climate_survey": {
        "en": "Students’ sense of safety (surveys)",
        "es": "Sensación de seguridad del alumnado (encuestas)",
    },
    "data.table.deployment_conditions": {
        "en": "Reasons for a deployment and resources sent",
        "es": "Motivos de un despliegue y recursos enviados",
    },
    "data.table.deployment_facts": {"en": "Deployment headline figures", "es": "Cifras principales de los despliegues"},
    "data.table.deployments_by_board_district": {
        "en": "Deployments by board district",
        "es": "Despliegues por distrito de la junta",
    },
    "data.table.deployments_by_region": {"en": "Deployments by region", "es": "Despliegues por región"},
    "data.table.disparities": {
        "en": "Shares of enrollment and of police actions by group",
        "es": "Porcentajes de matrícula y de acciones policiales por grupo",
    },
    "data.table.enrollment": {"en": "Enrollment counts", "es": "Conteos de matrícula"},
    "data.table.incident_annotations": {
        "en": "Dated decisions marked on incident charts",
        "es": "Decisiones fechadas marcadas en los gráficos de incidentes",
    },
    "data.table.incident_series": {
        "en": "Incident and police-activity series (definitions)",
        "es": "Series de incidentes y actividad policial (definiciones)",
    },
    "data.table.incidents": {
        "en": "Incident and police-activity figures",
        "es": "Cifras de incidentes y actividad policial",
    },
    "data.table.laspd_budget_items": {
        "en": "Pieces of the school-police budget",
        "es": "Partes del presupuesto de la policía escolar",
    },
    "data.table.later_years": {
        "en": "What sources say about later years",
        "es": "Lo que dicen las fuentes sobre años posteriores",
    },
    "data.table.location_levels": {
        "en": "Location levels of the budget table",
        "es": "Niveles de ubicación de la tabla del presupuesto",
    },
    "data.table.map_label_points": {
        "en": "Where each area’s symbol is drawn on the map",
        "es": "Dónde se dibuja el símbolo de cada zona en el mapa",
    },
    "data.table.observations": {
        "en": "Research figures over the years (school police, community safety, budgets, enrollment)",
        "es": "Cifras de investigación a lo largo de los años (policía escolar, seguridad comunitaria, presupuestos, matrícula)",
    },
    "data.table.policy_points": {
        "en": "Pepper-spray policy, current and revised",
        "es": "Política sobre gas pimienta, actual y revisada",
    },
    "data.table.regions": {"en": "Regions", "es": "Regiones"},
    "data.table.safe_passage_sites": {"en": "Safe-passage sites", "es": "Sitios de paso seguro"},
    "data.table.school_directory": {
        "en": "State school directory, June 2018 (active LAUSD schools)",
        "es": "Directorio estatal de escuelas, junio de 2018 (escuelas activas de LAUSD)",
    },
    "data.table.school_directory_matches": {
        "en": "Named schools matched to the state directory (reviewed)",
        "es": "Escuelas nombradas vinculadas al directorio estatal (revisado)",
    },
    "data.table.school_locations": {
        "en": "School coordinates a source gives",
        "es": "Coordenadas de escuelas que da una fuente",
    },
    "data.table.schools": {"en": "Schools named by a source", "es": "Escuelas nombradas por una fuente"},
    "data.table.sources": {"en": "Sources", "es": "Fuentes"},
    "data.table.spending_categories": {"en": "Spending categories", "es": "Categorías de gasto"},
    "data.table.timeline": {"en": "Decisions and events", "es": "Decisiones y eventos"},
    "data.table.town_halls": {"en": "2024 safety town halls", "es": "Asambleas de seguridad de 2024"},
    "data.table.unpublished_data": {
        "en": "What the district has not published",
        "es": "Lo que el distrito no ha publicado",
    },
    "src.seed": {
        "en": "no public address recorded; the project keeps a copy of the document",
        "es": "sin dirección pública registrada; el proyecto guarda una copia del documento",
    },
    # ---- every CSV row names its sources (components/text/export.py)
    "export.col.title": {"en": "Source title", "es": "Título de la fuente"},
    "export.col.publisher": {"en": "Publisher", "es": "Quién la publica"},
    "export.col.published": {"en": "Published", "es": "Fecha de publicación"},
    "export.col.link": {"en": "Source link", "es": "Enlace de la fuente"},
    "export.undated": {"en": "not dated", "es": "sin fecha"},
    "export.link.partial": {
        "en": "address not given in full: {reference}",
        "es": "dirección incompleta: {reference}",
    },
    "export.link.document": {
        "en": "document without a public link: {title}",
        "es": "documento sin enlace público: {title}",
    },
    "export.records.title": {
        "en": "Campus records imported by district staff (not published): file {file}",
        "es": "Registros por plantel importados por el personal del distrito (no publicados): archivo {file}",
    },
    "export.records.publisher": {"en": "LAUSD staff (import)", "es": "Personal de LAUSD (importación)"},
    "export.records.link": {"en": "not published", "es": "no publicado"},
    "src.built": {
        "en": "Data built {when} from CSV fingerprint {fingerprint}.",
        "es": "Datos creados el {when} a partir de los CSV con huella {fingerprint}.",
    },
}
