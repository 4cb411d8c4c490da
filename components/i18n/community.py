"""Words of the Community-based safety page (pages/community_safety.py), English and Spanish. Merged into components.i18n.CATALOG."""

CATALOG: dict[str, dict[str, str]] = {
    # ---- header
    "cbs.title": {"en": "Community-based safety and safe passages", "es": "Seguridad comunitaria y pasos seguros"},
    "cbs.finding": {
        "en": "The district's {year} safety budget gives the community-based safety pilot {parts}.",
        "es": "El presupuesto de seguridad {year} del distrito asigna al programa piloto de seguridad comunitaria "
        "{parts}.",
    },
    "cbs.finding.part": {"en": "{value} ({label})", "es": "{value} ({label})"},
    "cbs.finding.none": {
        "en": "The district's {year} budget table has no line for the community-based safety pilot.",
        "es": "La tabla del presupuesto {year} del distrito no tiene ninguna línea para el programa piloto de "
        "seguridad comunitaria.",
    },
    "cbs.finding.no_district": {
        "en": "No district document reports how much of the community-based safety money was spent.",
        "es": "Ningún documento del distrito informa cuánto del dinero de seguridad comunitaria se gastó.",
    },
    "cbs.intro": {
        "en": "In June 2023 the Board asked the district to expand community-based safety, Safe Passages in "
        "particular. This page shows the money set aside for it and what was reported spent, the named "
        "safe-passage sites, what the district has not published, and how it engaged the community. "
        "Each figure names its source and the kind of source: a district document, a news report or an "
        "advocacy organization.",
        "es": "En junio de 2023 la Junta pidió al distrito ampliar la seguridad comunitaria, en particular los "
        "Pasos Seguros (Safe Passages). Esta página muestra el dinero reservado para ello y lo que se informó "
        "como gastado, los sitios de pasos seguros con nombre, lo que el distrito no ha publicado y cómo "
        "consultó a la comunidad. Cada cifra indica su fuente y el tipo de fuente: documento del distrito, "
        "noticia u organización de incidencia.",
    },
    "cbs.m.programs": {"en": "Safe-passage programs ({year})", "es": "Programas de pasos seguros ({year})"},
    "cbs.m.programs_help": {
        "en": "The count as reported; the list of the programs' schools is not published. Source: {source}.",
        "es": "La cifra tal como se informó; la lista de escuelas de los programas no se ha "
        "publicado. Fuente: {source}.",
    },
    "cbs.m.cbsp_help": {
        "en": "Published as “{published}” ({exact}): {item}.",
        "es": "Publicado como “{published}” ({exact}): {item}.",
    },
    # ---- money
    "cbs.money.title": {"en": "The money", "es": "El dinero"},
    "cbs.money.intro": {
        "en": "Figures come from different kinds of sources. A badge names the kind of each one; advocacy and news "
        "figures are shown as their sources report them and are not district figures.",
        "es": "Las cifras provienen de distintos tipos de fuentes. Una etiqueta indica el tipo de cada una; las "
        "cifras de organizaciones de incidencia y de noticias se muestran tal como las reportan sus fuentes "
        "y no son cifras del distrito.",
    },
    "cbs.earmark.title": {
        "en": "Community-based safety earmark for Black Student Achievement Plan schools",
        "es": "Fondos reservados para seguridad comunitaria en escuelas del Plan de Logro "
        "Estudiantil Afroamericano (BSAP)",
    },
    "cbs.earmark.chart": {"en": "Allocation per source and year", "es": "Asignación por fuente y año"},
    "cbs.earmark.what": {"en": "community-based safety allocation", "es": "asignación para seguridad comunitaria"},
    "cbs.axis.usd": {"en": "US dollars", "es": "Dólares"},
    "cbs.points.alt": {
        "en": "Dot chart of the {what}, {n} figures, one point per source: {items}.",
        "es": "Gráfico de puntos de la {what}, {n} cifras, un punto por fuente: {items}.",
    },
    "cbs.spent.title": {
        "en": "What was reported spent or unspent",
        "es": "Lo que se informó como gastado o sin gastar",
    },
    "cbs.spent.intro": {
        "en": "Each figure has its own base (a year, a group of schools, a share of a different total), so they "
        "are not added up or compared. The badge says who reports it.",
        "es": "Cada cifra tiene su propia base (un año, un grupo de escuelas, una parte de otro total), por lo que "
        "no se suman ni se comparan. La etiqueta indica quién la informa.",
    },
    "cbs.spent.no_district": {
        "en": "None of these spent or unspent figures comes from a district document.",
        "es": "Ninguna de estas cifras de gasto proviene de un documento del distrito.",
    },
    "cbs.spent.none": {
        "en": "No spent or unspent figures are in the data.",
        "es": "No hay cifras de gasto en los datos.",
    },
    "cbs.report.cbs_spent_usd": {
        "en": "community-based safety money spent",
        "es": "dinero de seguridad comunitaria gastado",
    },
    "cbs.report.cbs_unspent_percent": {
        "en": "of the community-based safety allocation left unspent",
        "es": "de la asignación para seguridad comunitaria quedó sin gastar",
    },
    "cbs.report.safety_budget_spent_percent": {
        "en": "of safety-program budgets spent or committed by the 53 top-funded schools",
        "es": "de los presupuestos de programas de seguridad gastado o comprometido por las 53 escuelas con más fondos",
    },
    "cbs.report.cbo_funds_unspent_percent": {
        "en": "of BSAP Group 1 funds for community-organization partnerships not spent or committed",
        "es": "de los fondos del Grupo 1 del BSAP para alianzas con organizaciones comunitarias no gastado ni "
        "comprometido",
    },
    "cbs.report.bsap_unspent_percent": {
        "en": "of BSAP funds unspent in the plan's first year",
        "es": "de los fondos del BSAP sin gastar en el primer año del plan",
    },
    "cbs.report.says": {"en": "reported by {publisher}, “{title}”", "es": "según {publisher}, “{title}”"},
    "cbs.cbsp.title": {
        "en": "The Community Based Safety Pilot in the {year} budget",
        "es": "El Piloto de Seguridad Comunitaria (CBSP) en el presupuesto {year}",
    },
    "cbs.cbsp.vendor_support": {
        "en": "Pilot vendor support, {year}",
        "es": "Apoyo de proveedores del piloto, {year}",
    },
    "cbs.cbsp.vacant_positions": {
        "en": "Moved from vacant officer positions",
        "es": "Transferido de puestos policiales vacantes",
    },
    "cbs.cbsp.vendor_support_text": {
        "en": "{exact}: the district safety budget line {item} (no staff positions listed).",
        "es": "{exact}: la línea del presupuesto de seguridad del distrito {item}, sin puestos de personal.",
    },
    "cbs.cbsp.vacant_positions_text": {
        "en": "{value} (published as “{published}”): {item}. The slide says unspent funds carry over to {next_year}.",
        "es": "{value} (publicado como “{published}”): {item}. La diapositiva indica que los fondos no gastados "
        "pasan a {next_year}.",
    },
    "cbs.bsap.title": {
        "en": "Black Student Achievement Plan funding over the years",
        "es": "Fondos del Plan de Logro Estudiantil Afroamericano a lo largo de los años",
    },
    "cbs.bsap.intro": {
        "en": "Where sources disagree, each figure is its own point, side by side in its year; none is chosen or "
        "averaged. School counts and added investments are in the table.",
        "es": "Cuando las fuentes no coinciden, cada cifra es un punto propio, lado a lado en su año; ninguna se "
        "elige ni se promedia. El número de escuelas y las inversiones adicionales están en la tabla.",
    },
    "cbs.bsap.chart": {"en": "BSAP funding per source and year", "es": "Fondos del BSAP por fuente y año"},
    "cbs.bsap.what": {
        "en": "Black Student Achievement Plan funding",
        "es": "financiación del Plan de Logro Estudiantil Afroamericano",
    },
    "cbs.basis.adopted": {"en": "adopted", "es": "adoptado"},
    "cbs.basis.proposed": {"en": "proposed", "es": "propuesto"},
    "cbs.basis.reported": {"en": "reported", "es": "informado"},
    "cbs.basis.pre-cut": {"en": "before the cut", "es": "antes del recorte"},
    "cbs.basis.after-cut": {"en": "after the cut", "es": "después del recorte"},
    "cbs.basis.planned": {"en": "planned", "es": "planificado"},
    "cbs.basis.failed-proposal": {"en": "proposal that failed", "es": "propuesta rechazada"},
    "cbs.basis.draft-option": {"en": "draft option", "es": "opción preliminar"},
    # ---- table headers
    "cbs.col.year": {"en": "School year", "es": "Año escolar"},
    "cbs.col.figure": {"en": "Figure (as the source describes it)", "es": "Cifra (como la describe la fuente)"},
    "cbs.col.value": {"en": "Value", "es": "Valor"},
    "cbs.col.approx": {"en": "Approximate?", "es": "¿Aproximado?"},
    "cbs.col.period": {"en": "Period", "es": "Periodo"},
    "cbs.col.basis": {"en": "Basis", "es": "Base"},
    "cbs.col.kind": {"en": "Kind of source", "es": "Tipo de fuente"},
    "cbs.col.school": {"en": "School or area", "es": "Escuela o zona"},
    "cbs.col.area": {"en": "Area (as the source names it)", "es": "Zona (según la fuente)"},
    "cbs.col.program": {"en": "Program", "es": "Programa"},
    "cbs.col.provider": {"en": "Provider", "es": "Proveedor"},
    "cbs.col.years": {"en": "Years", "es": "Años"},
    "cbs.col.status": {"en": "Status (as reported)", "es": "Estado (según la fuente)"},
    "cbs.col.location": {"en": "Location (lat, lon)", "es": "Ubicación (lat, lon)"},
    "cbs.col.location_source": {"en": "Location source", "es": "Fuente de la ubicación"},
    "cbs.col.start": {"en": "Start date", "es": "Fecha de inicio"},
    "cbs.col.end": {"en": "End date", "es": "Fecha de fin"},
    "cbs.col.origin": {"en": "Origin", "es": "Origen"},
    "cbs.col.employees": {"en": "Employees", "es": "Empleados"},
    "cbs.col.parents": {"en": "Parents", "es": "Padres"},
    # ---- safe passages
    "cbs.sp.title": {"en": "Safe passages", "es": "Pasos seguros"},
    "cbs.sp.count": {
        "en": "{n} safe-passage programs ({period}), as reported by {source}. The list of their "
        "schools is not published; the sites below are the ones sources name.",
        "es": "{n} programas de pasos seguros ({period}), según {source}. La lista de sus escuelas "
        "no se ha publicado; los sitios de abajo son los que nombran las fuentes.",
    },
    "cbs.status.running": {"en": "running", "es": "en marcha"},
    "cbs.status.ended": {"en": "ended", "es": "terminado"},
    "cbs.status.proposed": {"en": "proposed", "es": "propuesto"},
    "cbs.status.unknown": {"en": "status unknown", "es": "estado desconocido"},
    "cbs.map.title": {"en": "Named safe-passage sites", "es": "Sitios de pasos seguros con nombre"},
    "cbs.map.published": {"en": "published source", "es": "fuente publicada"},
    "cbs.map.roster": {"en": "district-supplied roster (not published)", "es": "lista del distrito (no publicada)"},
    "cbs.map.roster_prefix": {"en": "Roster: ", "es": "Lista: "},
    "cbs.map.alt_roster": {
        "en": "Also {drawn} of {total} rows of the district-supplied roster, which is not published.",
        "es": "Además, {drawn} de {total} filas de la lista entregada por el distrito, que no está publicada.",
    },
    "cbs.sites.table_title": {"en": "All {n} named sites", "es": "Los {n} sitios con nombre"},
    "cbs.sites.no_location": {"en": "location not published", "es": "ubicación no publicada"},
    "cbs.sites.no_provider": {"en": "not named in the source", "es": "la fuente no lo nombra"},
    "cbs.sites.no_years": {"en": "not given", "es": "no indicado"},
    "cbs.roster.title": {"en": "District-supplied roster", "es": "Lista entregada por el distrito"},
    "cbs.roster.label": {
        "en": "District-supplied and not published: {n} rows imported on {when} from the file {file}. These rows "
        "come from district staff, not from a published source, and are shown beside the published facts "
        "above.",
        "es": "Entregada por el distrito y no publicada: {n} filas importadas el {when} desde el archivo {file}. "
        "Estas filas provienen del personal del distrito, no de una fuente publicada, y se muestran junto a "
        "los datos publicados de arriba.",
    },
    "cbs.roster.none": {
        "en": "No district roster has been imported. District staff can load one from the template "
        "data/templates/safe_passage_roster_template.csv with: python -m data.import_roster FILE.csv",
        "es": "No se ha importado ninguna lista del distrito. El personal del distrito puede cargarla a partir de "
        "la plantilla data/templates/safe_passage_roster_template.csv con: python -m data.import_roster "
        "ARCHIVO.csv",
    },
    "cbs.roster.no_provider": {"en": "not given", "es": "no indicado"},
    "cbs.roster.origin": {"en": "district-supplied, not published", "es": "del distrito, no publicado"},
    # ---- not published
    "cbs.gap.title": {"en": "What is not published", "es": "Lo que no se ha publicado"},
    "cbs.gap.intro": {
        "en": "Data the district has not released, as far as the sources behind this dashboard show; each item "
        "names the document that refers to it.",
        "es": "Datos que el distrito no ha divulgado, según las fuentes de este tablero; cada punto indica el "
        "documento que se refiere a ellos.",
    },
    "cbs.gap.referred": {"en": "Referred to in: {source}", "es": "Mencionado en: {source}"},
    "cbs.gap.copy": {"en": "Copy this list as a records request", "es": "Copie esta lista como solicitud de registros"},
    "cbs.gap.download": {"en": "Download the request (.txt)", "es": "Descargar la solicitud (.txt)"},
    "cbs.letter.to": {
        "en": "To: Los Angeles Unified School District (public records request)",
        "es": "Para: Distrito Escolar Unificado de Los Ángeles (solicitud de registros públicos)",
    },
    "cbs.letter.subject": {
        "en": "Subject: Request for public records on community-based safety and safe passages",
        "es": "Asunto: Solicitud de registros públicos sobre seguridad comunitaria y pasos seguros",
    },
    "cbs.letter.opening": {
        "en": "Under the California Public Records Act, I request copies of the following records, or the data "
        "they contain:",
        "es": "Conforme a la Ley de Registros Públicos de California, solicito copias de los siguientes registros, "
        "o de los datos que contienen:",
    },
    "cbs.letter.referred": {"en": "(referred to in: {source})", "es": "(mencionado en: {source})"},
    "cbs.letter.closing": {
        "en": "Electronic copies (CSV, spreadsheet or PDF) are preferred. If a record does not exist, please say so.",
        "es": "Se prefieren copias electrónicas (CSV, hoja de cálculo o PDF). Si un registro no existe, "
        "por favor indíquelo.",
    },
    "cbs.letter.signature": {"en": "[Your name]\n[Contact]\n[Date]", "es": "[Su nombre]\n[Contacto]\n[Fecha]"},
    # ---- engagement
    "cbs.eng.title": {"en": "Engagement and decisions", "es": "Participación y decisiones"},
    "cbs.eng.summit": {"en": "{date}: {event}.", "es": "{date}: {event}."},
    "cbs.halls.title": {
        "en": "The 2024 safety town halls, by region",
        "es": "Las asambleas de seguridad de 2024, por región",
    },
    "cbs.halls.alt": {
        "en": "{n} town halls, each with an employee session and then a parent session: {items}.",
        "es": "{n} asambleas, cada una con una sesión para empleados y luego otra para padres: {items}.",
    },
    "cbs.time.title": {"en": "Timeline of decisions", "es": "Cronología de decisiones"},
}
