"""Words of the Deployments page (pages/deployments.py), English and Spanish. Merged into components.i18n.CATALOG."""

CATALOG: dict[str, dict[str, str]] = {
    "dep.title": {
        "en": "Where school police were deployed, {year}",
        "es": "Dónde se desplegó la policía escolar, {year}",
    },
    "dep.intro": {
        "en": "In {year} the district sent school police to campuses for short periods. It published how many "
        "deployments went to each board district and each region — not which schools. This page shows that "
        "distribution on charts and a map, without more precision than the data has.",
        "es": "En {year} el distrito envió policía escolar a planteles por períodos cortos. Publicó cuántos "
        "despliegues hubo en cada distrito de la junta y en cada región, no en qué escuelas. Esta página "
        "muestra esa distribución en gráficos y en un mapa, sin más precisión de la que tienen los datos.",
    },
    "dep.selected": {"en": "selected", "es": "seleccionado"},
    "dep.none": {"en": "no records", "es": "sin registros"},
    "dep.yes": {"en": "yes", "es": "sí"},
    "dep.no": {"en": "no", "es": "no"},
    # ---- basis (published vs staff-imported)
    "dep.basis.label": {"en": "Figures shown", "es": "Cifras mostradas"},
    "dep.basis.published": {"en": "Published totals (default)", "es": "Totales publicados (predeterminado)"},
    "dep.basis.records": {
        "en": "Staff-imported campus records (not published)",
        "es": "Registros por plantel importados por el personal (no publicados)",
    },
    "dep.basis.help": {
        "en": "The published totals come from the district's presentation. Campus records are loaded by district "
        "staff from their own files; they are not public and are not checked against any source.",
        "es": "Los totales publicados vienen de la presentación del distrito. Los registros por plantel los carga "
        "el personal del distrito desde sus propios archivos; no son públicos ni se cotejan con una fuente.",
    },
    "dep.basis.published_short": {"en": "published totals, {year}", "es": "totales publicados, {year}"},
    "dep.basis.records_short": {
        "en": "staff-imported campus records",
        "es": "registros por plantel importados por el personal",
    },
    "dep.records.banner": {
        "en": "Showing staff-imported campus records, not published figures: {records} records at {campuses} campuses "
        "({first} to {last}) from the file {file}, imported {imported} (UTC). The filters apply to these records.",
        "es": "Se muestran registros por plantel importados por el personal, no cifras publicadas: {records} registros "
        "en {campuses} planteles ({first} a {last}) del archivo {file}, importado el {imported} (UTC). Los "
        "filtros se aplican a estos registros.",
    },
    "dep.records.cite": {
        "en": "Staff-imported records (not published): file {file}, imported {imported} UTC.",
        "es": "Registros importados por el personal (no publicados): archivo {file}, importado el {imported} UTC.",
    },
    # ---- headline
    "dep.finding": {
        "en": "In {year}, school police were sent to campuses for short periods {n} times, to {campuses} "
        "campuses; the most went to the {top} region ({top_n} of {n}).",
        "es": "En {year}, la policía escolar fue enviada a planteles por periodos cortos {n} veces, a {campuses} "
        "planteles; la mayoría fue a la región {top} ({top_n} de {n}).",
    },
    "dep.finding.in_year": {
        "en": "Short-term school-police deployments, {year} —",
        "es": "Despliegues breves de policía escolar, {year} —",
    },
    "dep.finding.not_both": {
        "en": "The district publishes the counts by region and by board district separately, so no count exists "
        "for both together.",
        "es": "El distrito publica los conteos por región y por distrito de la junta por separado, así que no "
        "existe un conteo para ambos a la vez.",
    },
    "dep.finding.records": {
        "en": "Campus records imported by district staff: {n} of {total} deployments match {names}.",
        "es": "Registros por plantel importados por el personal del distrito: {n} de {total} despliegues "
        "corresponden a {names}.",
    },
    "dep.finding.records_all": {
        "en": "Campus records imported by district staff: {total} deployments.",
        "es": "Registros por plantel importados por el personal del distrito: {total} despliegues.",
    },
    "dep.figures.title": {"en": "Key figures {year}", "es": "Cifras clave {year}"},
    "dep.checks.title": {"en": "How we checked", "es": "Cómo lo comprobamos"},
    "dep.m.selected": {"en": "Deployments: {name}", "es": "Despliegues: {name}"},
    "dep.m.of_total": {"en": "of {total}", "es": "de {total}"},
    "dep.staff.where": {
        "en": "District staff load official boundaries and campus records on the Staff page.",
        "es": "El personal del distrito carga los límites oficiales y los registros por plantel en la página "
        "del personal.",
    },
    "dep.m.deployments": {"en": "Deployments, {year}", "es": "Despliegues, {year}"},
    "dep.m.campuses": {"en": "Campuses they went to", "es": "Planteles a los que fueron"},
    "dep.m.sites": {"en": "District sites", "es": "Sitios del distrito"},
    "dep.m.sites_help": {
        "en": "The source gives the site count as “{qualifier}780”: an approximate figure.",
        "es": "La fuente da el número de sitios como “{qualifier}780”: una cifra aproximada.",
    },
    "dep.m.share": {"en": "Sites with a deployment", "es": "Sitios con despliegue"},
    "dep.m.share_help": {
        "en": "{campuses} campuses of {sites} sites; approximate because the site count is.",
        "es": "{campuses} planteles de {sites} sitios; aproximado porque el número de sitios lo es.",
    },
    # ---- map
    "dep.map.title": {"en": "Map of the deployments", "es": "Mapa de los despliegues"},
    "dep.map.kind": {"en": "Show on the map", "es": "Mostrar en el mapa"},
    "dep.map.kind.board_district": {"en": "Board districts", "es": "Distritos de la junta"},
    "dep.map.kind.region": {"en": "Regions", "es": "Regiones"},
    "dep.map.what_bd": {"en": "board district", "es": "distrito de la junta"},
    "dep.map.what_region": {"en": "region", "es": "región"},
    "dep.map.tip_count": {"en": "{n} deployments · {share} of {total}", "es": "{n} despliegues · {share} de {total}"},
    "dep.map.tip_source": {"en": "Source: {source}", "es": "Fuente: {source}"},
    "dep.map.tip_approx": {
        "en": "Symbol at an approximate label position, not a boundary.",
        "es": "Símbolo en una posición aproximada de etiqueta, no un límite.",
    },
    "dep.map.tip_boundary": {
        "en": "Official boundary imported by staff.",
        "es": "Límite oficial importado por el personal.",
    },
    "dep.map.tip_campus": {
        "en": "{n} deployments · {bd} · {region} · reasons: {reasons}",
        "es": "{n} despliegues · {bd} · {region} · motivos: {reasons}",
    },
    "dep.map.tip_staff": {
        "en": "Staff-imported record, not published.",
        "es": "Registro importado por el personal, no publicado.",
    },
    "dep.map.src_records": {
        "en": "staff-imported records, file {file} (not published)",
        "es": "registros importados por el personal, archivo {file} (no publicados)",
    },
    "dep.map.legend_symbols": {
        "en": "Circles: one per {what}; the circle's area is proportional to its deployments, and the count is "
        "written beside it.",
        "es": "Círculos: uno por {what}; el área del círculo es proporcional a sus despliegues y el número está "
        "escrito al lado.",
    },
    "dep.map.legend_approx": {
        "en": "The circles stand at approximate label positions chosen by the dashboard team, NOT at boundaries "
        "or centres: the district publishes its boundaries only as live map services. How each point was "
        "placed is in the table below.",
        "es": "Los círculos están en posiciones aproximadas de etiqueta elegidas por el equipo del tablero, NO en "
        "límites ni centros: el distrito publica sus límites solo como servicios de mapas en línea. Cómo se "
        "colocó cada punto está en la tabla de abajo.",
    },
    "dep.map.legend_boundaries": {
        "en": "Shaded areas: official {what} boundaries imported by staff; darker blue means more deployments, "
        "and the count is written on each.",
        "es": "Áreas sombreadas: límites oficiales por {what} importados por el personal; el azul más oscuro "
        "indica más despliegues y el número está escrito en cada una.",
    },
    "dep.map.legend_selected": {
        "en": "The selected one is orange with a thick outline and says “selected”. Click one to select it.",
        "es": "El seleccionado es naranja, con borde grueso, y dice “seleccionado”. Haga clic en uno para seleccionarlo.",
    },
    "dep.map.legend_campuses": {
        "en": "Small vermillion dots: campuses in the staff-imported records that have coordinates.",
        "es": "Puntos pequeños bermellón: planteles de los registros importados por el personal que tienen coordenadas.",
    },
    "dep.map.keyboard": {
        "en": "Keyboard: the region and board-district selectors in the sidebar select the same way as a click on "
        "the map, and the link keeps the selection.",
        "es": "Teclado: los selectores de región y de distrito de la junta en la barra lateral seleccionan igual "
        "que un clic en el mapa, y el enlace conserva la selección.",
    },
    "dep.map.boundaries_from": {
        "en": "Boundaries imported from {source} on {imported} (UTC).",
        "es": "Límites importados de {source} el {imported} (UTC).",
    },
    "dep.map.alt_symbols": {
        "en": "Map of the Los Angeles area with one circle per {what}, sized by deployments, at approximate label "
        "positions: {items}.",
        "es": "Mapa del área de Los Ángeles con un círculo por {what}, según los despliegues, en posiciones "
        "aproximadas de etiqueta: {items}.",
    },
    "dep.map.alt_polygons": {
        "en": "Map of the Los Angeles area shading each {what}'s official boundary by deployments: {items}.",
        "es": "Mapa del área de Los Ángeles que sombrea el límite oficial de cada {what} según los despliegues: {items}.",
    },
    # ---- charts
    "dep.charts.tab": {"en": "By board district and region", "es": "Por distrito de la junta y región"},
    "dep.charts.title": {
        "en": "Deployments by board district and region ({basis})",
        "es": "Despliegues por distrito de la junta y por región ({basis})",
    },
    "dep.chart.hover": {"en": "{n} deployments · {share} of the total", "es": "{n} despliegues · {share} del total"},
    "dep.chart.alt": {
        "en": "Bar chart of short-term school-police deployments {by} ({basis}). {items}.{selected}",
        "es": "Gráfico de barras de los despliegues de corto plazo de la policía escolar {by} ({basis}). "
        "{items}.{selected}",
    },
    "dep.alt.selected": {"en": " Selected: {name}.", "es": " Seleccionado: {name}."},
    "dep.not_crossed": {
        "en": "The published figures count deployments by board district and by region separately, never both "
        "together: a region filter cannot narrow the board-district chart, or the other way round. The "
        "selection is highlighted.",
        "es": "Las cifras publicadas cuentan los despliegues por distrito de la junta y por región por separado, "
        "nunca combinados: un filtro de región no puede acotar el gráfico por distrito, ni al revés. La "
        "selección aparece resaltada.",
    },
    "dep.focus": {
        "en": "{name}: {n} of {total} deployments ({share}).",
        "es": "{name}: {n} de {total} despliegues ({share}).",
    },
    "dep.focus.member": {"en": "Board member in {year}: {member}.", "es": "Miembro de la junta en {year}: {member}."},
    "dep.focus.none": {
        "en": "{name}: no deployments in these figures.",
        "es": "{name}: sin despliegues en estas cifras.",
    },
    "dep.col.campuses": {"en": "Campuses", "es": "Planteles"},
    "dep.col.lat": {"en": "Latitude", "es": "Latitud"},
    "dep.col.lon": {"en": "Longitude", "es": "Longitud"},
    "dep.col.approx": {"en": "Approximate", "es": "Aproximado"},
    "dep.col.method": {"en": "How the point was placed", "es": "Cómo se colocó el punto"},
    # ---- relative to schools
    "dep.per_school.title": {"en": "Deployments relative to schools", "es": "Despliegues en relación con las escuelas"},
    "dep.per_school.intro": {
        "en": "Only two board districts have a school count in a source, so only they can be compared with their "
        "deployments.",
        "es": "Solo dos distritos de la junta tienen un número de escuelas en una fuente, así que solo ellos se "
        "pueden comparar con sus despliegues.",
    },
    "dep.per_school.row": {
        "en": "{name}: {n} deployments and {schools} schools (school count from {source}) — about {per100} "
        "deployments per 100 schools.",
        "es": "{name}: {n} despliegues y {schools} escuelas (número de escuelas de {source}): unos {per100} "
        "despliegues por cada 100 escuelas.",
    },
    "dep.per_school.rough": {
        "en": "A rough comparison only: the school counts come from other sources and dates than the deployments "
        "(a board member's newsletter; a district web page that says “approximately”), and a deployment "
        "count per school was never published.",
        "es": "Solo una comparación aproximada: los números de escuelas vienen de otras fuentes y fechas que los "
        "despliegues (el boletín de un miembro de la junta; una página del distrito que dice "
        "“aproximadamente”), y nunca se publicó un número de despliegues por escuela.",
    },
    "dep.per_school.others": {
        "en": "School counts for {districts}: not published.",
        "es": "Número de escuelas de {districts}: no publicado.",
    },
    "dep.per_school.regions": {
        "en": "School counts per region: not published.",
        "es": "Número de escuelas por región: no publicado.",
    },
    "dep.col.schools": {"en": "Schools (as published)", "es": "Escuelas (como se publicó)"},
    "dep.col.per100": {
        "en": "Deployments per 100 schools (rough)",
        "es": "Despliegues por cada 100 escuelas (aproximado)",
    },
    "dep.col.schools_source": {"en": "Source of the school count", "es": "Fuente del número de escuelas"},
    # ---- conditions and policy
    "dep.conditions.title": {
        "en": "When police are sent, and what goes with them",
        "es": "Cuándo se envía a la policía y qué la acompaña",
    },
    "dep.conditions.reasons": {
        "en": "Reasons that authorize a deployment",
        "es": "Motivos que autorizan un despliegue",
    },
    "dep.conditions.resources": {
        "en": "Resources sent with a deployment",
        "es": "Recursos que acompañan un despliegue",
    },
    "dep.policy.title": {
        "en": "Pepper-spray (OC) policy: the revision",
        "es": "Política sobre gas pimienta (OC): la revisión",
    },
    "dep.policy.intro": {
        "en": "The school police's guidance on oleoresin capsicum (pepper) spray, before and after the revision "
        "presented in April 2024, summarised point by point in our words.",
        "es": "Las pautas de la policía escolar sobre el gas pimienta (oleorresina de capsicum), antes y después de "
        "la revisión presentada en abril de 2024, resumidas punto por punto con nuestras palabras.",
    },
    "dep.policy.current": {"en": "Current guidance", "es": "Pauta vigente"},
    "dep.policy.revised": {"en": "Revised guidance", "es": "Pauta revisada"},
    "dep.col.version": {"en": "Version", "es": "Versión"},
    "dep.col.point": {"en": "Point (our summary)", "es": "Punto (nuestro resumen)"},
    # ---- staff
    "dep.staff.title": {
        "en": "For district staff: loading boundaries and campus records",
        "es": "Para el personal del distrito: cargar límites y registros por plantel",
    },
    "dep.staff.body": {
        "en": "Official boundaries: `python -m data.import_boundaries --board-districts FILE_OR_URL --regions "
        "FILE_OR_URL` (GeoJSON in longitude/latitude; the README gives the map services' URLs). With them "
        "the map shades each area instead of drawing circles.\n\nCampus records: fill in "
        "`data/templates/campus_deployments_template.csv`, then `python -m data.import_campus_records FILE`. "
        "They stay on this machine, outside the published data, and the page offers them as a second view.",
        "es": "Límites oficiales: `python -m data.import_boundaries --board-districts ARCHIVO_O_URL --regions "
        "ARCHIVO_O_URL` (GeoJSON en longitud/latitud; el README da las URL de los servicios de mapas). Con "
        "ellos el mapa sombrea cada área en lugar de dibujar círculos.\n\nRegistros por plantel: complete "
        "`data/templates/campus_deployments_template.csv` y ejecute `python -m data.import_campus_records "
        "ARCHIVO`. Se quedan en esta máquina, fuera de los datos publicados, y la página los ofrece como una "
        "segunda vista.",
    },
    "dep.staff.no_records": {"en": "No campus records are loaded.", "es": "No hay registros por plantel cargados."},
    "dep.staff.no_boundaries": {
        "en": "No official boundaries are loaded: the map shows label points.",
        "es": "No hay límites oficiales cargados: el mapa muestra puntos de etiqueta.",
    },
}
