"""Words of the year choice, of what a year lacks, of "what is known since", and of the compare-years page."""

CATALOG: dict[str, dict[str, str]] = {
    # ---- the year choice (every page with figures by year)
    "years.label": {"en": "School year", "es": "Año escolar"},
    "years.help": {
        "en": "The school years the data holds for this page. The newest year with a complete published table is "
        "shown first.",
        "es": "Los años escolares que los datos tienen para esta página. Se muestra primero el año más reciente con "
        "una tabla publicada completa.",
    },
    "years.missing.budget": {
        "en": "No district safety budget table has been published for {year}.",
        "es": "No se ha publicado una tabla del presupuesto de seguridad del distrito para {year}.",
    },
    "years.missing.deployments": {
        "en": "No counts of short-term school-police deployments have been published for {year}.",
        "es": "No se han publicado conteos de despliegues de corto plazo de la policía escolar para {year}.",
    },
    "years.partial.budget": {
        "en": "The {year} safety budget table is only partly published: missing {tables}.",
        "es": "La tabla del presupuesto de seguridad de {year} está publicada solo en parte: falta {tables}.",
    },
    "years.partial.deployments": {
        "en": "The {year} deployment counts are only partly published: missing {tables}.",
        "es": "Los conteos de despliegues de {year} están publicados solo en parte: falta {tables}.",
    },
    "years.table.lines": {"en": "its budget lines", "es": "sus líneas del presupuesto"},
    "years.table.totals": {"en": "its published totals", "es": "sus totales publicados"},
    "years.table.board_districts": {"en": "the counts by board district", "es": "los conteos por distrito de la junta"},
    "years.table.regions": {"en": "the counts by region", "es": "los conteos por región"},
    "years.table.facts": {
        "en": "the headline figures (deployments, campuses, sites)",
        "es": "las cifras principales (despliegues, planteles, sitios)",
    },
    # ---- what is known since the newest budget table
    "since.title": {"en": "What is known after {year}", "es": "Lo que se sabe después de {year}"},
    "since.newest": {
        "en": "The newest district safety budget table is {year}, in “{title}”, presented by {publisher} on {date}. "
        "No table for a later school year has been published.",
        "es": "La tabla más reciente del presupuesto de seguridad del distrito es la de {year}, en “{title}”, "
        "presentada por {publisher} el {date}. No se ha publicado una tabla para un año escolar posterior.",
    },
    "since.intro": {
        "en": "What other sources say about later years — reports, never district budget lines:",
        "es": "Lo que dicen otras fuentes sobre los años siguientes; son informes, nunca líneas del presupuesto "
        "del distrito:",
    },
    "since.open": {
        "en": "What sources say about {first} to {last} ({n} statements)",
        "es": "Lo que dicen las fuentes sobre {first} a {last} ({n} declaraciones)",
    },
    "since.item": {"en": "{year} · {kind}: {text}", "es": "{year} · {kind}: {text}"},
    "since.reliability": {"en": "About this source: {note}", "es": "Sobre esta fuente: {note}"},
    "since.topic.school_police": {"en": "School police", "es": "Policía escolar"},
    "since.topic.school_support_staff": {"en": "School support staff", "es": "Personal de apoyo escolar"},
    "since.topic.safe_passage": {"en": "Safe passages", "es": "Pasos seguros"},
    "since.topic.district_budget": {"en": "District budget", "es": "Presupuesto del distrito"},
    "since.topic.workforce": {"en": "District workforce", "es": "Personal del distrito"},
    "since.topic.enrollment": {"en": "Enrollment", "es": "Matrícula"},
    "since.topic.campus_security": {"en": "Campus security", "es": "Seguridad de los planteles"},
    # ---- compare two years
    "nav.compare": {"en": "Compare years", "es": "Comparar años"},
    "cmp.title": {"en": "Two school years side by side", "es": "Dos años escolares lado a lado"},
    "cmp.intro": {
        "en": "Pick two school years: the safety budget's totals, lines and categories, and the deployments by "
        "region and board district, side by side with the change in dollars, FTEs and percent. Lines that "
        "appear or disappear are named as such. Only published tables are compared; nothing is filled in.",
        "es": "Elija dos años escolares: los totales, las líneas y las categorías del presupuesto de seguridad, y "
        "los despliegues por región y por distrito de la junta, lado a lado con el cambio en dólares, FTE y "
        "porcentaje. Las líneas que aparecen o desaparecen se nombran como tales. Solo se comparan tablas "
        "publicadas; no se completa nada.",
    },
    "cmp.year": {"en": "School year", "es": "Año escolar"},
    "cmp.vs": {"en": "Compared with", "es": "Comparado con"},
    "cmp.none": {"en": "no second year", "es": "ningún segundo año"},
    "cmp.same": {
        "en": "Pick two different school years to compare.",
        "es": "Elija dos años escolares distintos para compararlos.",
    },
    "cmp.only_one": {
        "en": "Only one district safety budget table has been published: {year} (“{title}”, {publisher}, {date}). "
        "There is nothing to put beside it yet.",
        "es": "Solo se ha publicado una tabla del presupuesto de seguridad del distrito: {year} (“{title}”, "
        "{publisher}, {date}). Todavía no hay nada que poner a su lado.",
    },
    "cmp.only_one.series": {
        "en": "What does exist over many years are reports of the school-police budget and staffing, charted on "
        "this page with every source's figure.",
        "es": "Lo que sí existe para muchos años son informes del presupuesto y del personal de la policía escolar, "
        "en los gráficos de esta página con la cifra de cada fuente.",
    },
    "cmp.only_one_deployments": {
        "en": "Deployment counts have been published only for {year}.",
        "es": "Los conteos de despliegues se han publicado solo para {year}.",
    },
    "cmp.finding.budget": {
        "en": "The district's safety budget went from {before} in {vs} to {after} in {year} ({change}), as the "
        "two tables were published.",
        "es": "El presupuesto de seguridad del distrito pasó de {before} en {vs} a {after} en {year} ({change}), "
        "según las dos tablas publicadas.",
    },
    "cmp.finding.deployments": {
        "en": "Short-term school-police deployments by region, {vs} beside {year}.",
        "es": "Despliegues de corto plazo de la policía escolar por región, {vs} junto a {year}.",
    },
    "cmp.finding.one_year": {
        "en": "Only one year of the district's safety budget table is published ({year}), so there is nothing to "
        "compare it with yet. Sources put the school-police budget for {n} school years ({first} to {last}) "
        "between {low} and {high}.",
        "es": "Solo hay un año publicado de la tabla del presupuesto de seguridad del distrito ({year}), sin otro "
        "con qué compararlo. Las fuentes sitúan el presupuesto de la policía escolar de {n} años escolares ({first} "
        "a {last}) entre {low} y {high}.",
    },
    "cmp.finding.none_budget": {
        "en": "No district safety budget table has been published yet.",
        "es": "Todavía no se ha publicado ninguna tabla del presupuesto de seguridad del distrito.",
    },
    "cmp.series.more": {"en": "Staffing over the years", "es": "El personal a lo largo de los años"},
    "cmp.totals.title": {"en": "Published totals", "es": "Totales publicados"},
    "cmp.lines.title": {"en": "Budget lines", "es": "Líneas del presupuesto"},
    "cmp.categories.title": {"en": "Spending categories", "es": "Categorías de gasto"},
    "cmp.deployments.title": {"en": "Short-term deployments", "es": "Despliegues de corto plazo"},
    "cmp.col.item": {"en": "Item", "es": "Concepto"},
    "cmp.col.change_usd": {"en": "Change (dollars)", "es": "Cambio (dólares)"},
    "cmp.col.change_fte": {"en": "Change (FTEs)", "es": "Cambio (FTE)"},
    "cmp.col.change_n": {"en": "Change", "es": "Cambio"},
    "cmp.col.change_pct": {"en": "Change (%)", "es": "Cambio (%)"},
    "cmp.col.status": {"en": "Line", "es": "Línea"},
    "cmp.col.group": {"en": "Group", "es": "Grupo"},
    "cmp.status.both": {"en": "in both years", "es": "en ambos años"},
    "cmp.status.new": {"en": "appears in {year}", "es": "aparece en {year}"},
    "cmp.status.gone": {"en": "not in {year}", "es": "no está en {year}"},
    "cmp.usd": {"en": "Dollars", "es": "Dólares"},
    "cmp.fte": {"en": "Staff positions (FTEs)", "es": "Puestos (FTE)"},
    "cmp.chart.categories": {
        "en": "Safety budget by category, {a} and {b}",
        "es": "Presupuesto de seguridad por categoría, {a} y {b}",
    },
    "cmp.chart.categories_alt": {
        "en": "Grouped bars of the safety budget by category in {a} and {b}. {items}.",
        "es": "Barras agrupadas del presupuesto de seguridad por categoría en {a} y {b}. {items}.",
    },
    "cmp.chart.deployments": {
        "en": "Deployments by {by}, {a} and {b}",
        "es": "Despliegues por {by}, {a} y {b}",
    },
    "cmp.chart.deployments_alt": {
        "en": "Grouped bars of short-term deployments by {by} in {a} and {b}. {items}.",
        "es": "Barras agrupadas de despliegues de corto plazo por {by} en {a} y {b}. {items}.",
    },
    "cmp.by.region": {"en": "region", "es": "región"},
    "cmp.by.board_district": {"en": "board district", "es": "distrito de la junta"},
    "cmp.missing": {"en": "not published", "es": "no publicado"},
    "cmp.series.title": {
        "en": "What exists over many years: the school-police budget and staffing",
        "es": "Lo que existe para muchos años: el presupuesto y el personal de la policía escolar",
    },
}
