"""Words of the Incidents page (pages/incidents.py), English and Spanish. Merged into components.i18n.CATALOG.

The data's own words (series names and definitions, survey items, annotation labels) come from the data, which
holds them in both languages; these are the app's words around them.
"""

CATALOG: dict[str, dict[str, str]] = {
    "inc.time.slide_title": {
        "en": "{what}, whole school years, {years}",
        "es": "{what}, años escolares completos, {years}",
    },
    "inc.finding": {
        "en": "{what}: {value} reported in the district's schools, {change}. Each kind of incident is counted its "
        "own way; the charts never join two definitions.",
        "es": "{what}: {value} reportados en las escuelas del distrito, {change}. Cada tipo de incidente se cuenta "
        "a su manera; los gráficos nunca unen dos definiciones.",
    },
    "inc.about": {"en": "About this page", "es": "Sobre esta página"},
    "nav.incidents": {"en": "Incidents and police activity", "es": "Incidentes y actividad policial"},
    "inc.title": {
        "en": "Incidents and school-police activity",
        "es": "Incidentes y actividad de la policía escolar",
    },
    "inc.intro": {
        "en": "What happens on campuses, over the years and across the district, as newspapers, the district, "
        "researchers and advocates have published it. The district publishes no yearly incident table, so the "
        "figures come from many documents that count different things: **each chart (or each panel of one) is one "
        "definition**, figures are joined by a line only when they cover the same kind of period, and where "
        "sources disagree every figure is shown and none is chosen. Under every chart: its sources, what kind of "
        "source each is, and the data as a table.",
        "es": "Lo que ocurre en los planteles, a lo largo de los años y en todo el distrito, según lo han publicado "
        "periódicos, el distrito, investigadores y organizaciones de incidencia. El distrito no publica una tabla "
        "anual de incidentes, así que las cifras vienen de muchos documentos que cuentan cosas distintas: **cada "
        "gráfico (o cada panel de un gráfico) es una sola definición**, las cifras se unen con una línea solo "
        "cuando cubren el mismo tipo de período, y donde las fuentes no coinciden se muestran todas las cifras sin "
        "elegir ninguna. Debajo de cada gráfico: sus fuentes, qué tipo de fuente es cada una y los datos en una "
        "tabla.",
    },
    # ---- hedges: the source's own word, in the reader's language
    "inc.q.about": {"en": "about {value}", "es": "alrededor de {value}"},
    "inc.q.approximately": {"en": "approximately {value}", "es": "aproximadamente {value}"},
    "inc.q.nearly": {"en": "nearly {value}", "es": "casi {value}"},
    "inc.q.more_than": {"en": "more than {value}", "es": "más de {value}"},
    "inc.q.over": {"en": "over {value}", "es": "más de {value}"},
    "inc.q.at_least": {"en": "at least {value}", "es": "al menos {value}"},
    "inc.q.less_than": {"en": "less than {value}", "es": "menos de {value}"},
    "inc.q.one_in_four": {"en": "{value} (“one in four”)", "es": "{value} (“uno de cada cuatro”)"},
    "inc.years": {"en": "{first} to {last}", "es": "{first} a {last}"},
    "inc.times": {"en": "{n} times", "es": "{n} veces"},
    "inc.and": {"en": ", then ", "es": " y después "},
    "inc.reported": {"en": "reported {date}", "es": "publicado en {date}"},
    "inc.not_available": {
        "en": "not available (the stored copy of the source is cut off here)",
        "es": "no disponible (la copia guardada de la fuente está cortada aquí)",
    },
    "inc.not_available_short": {
        "en": "not available: the stored copy is cut off",
        "es": "no disponible: la copia guardada está cortada",
    },
    # ---- periods, from each figure's coverage and dates
    "inc.period.months": {"en": "{start} to {end} {year}", "es": "de {start} a {end} de {year}"},
    "inc.period.months_years": {
        "en": "{start} {start_year} to {end} {end_year}",
        "es": "de {start} de {start_year} a {end} de {end_year}",
    },
    "inc.period.first_month": {
        "en": "first month of {year}",
        "es": "primer mes de {year}",
    },
    "inc.period.to_date": {"en": "{year}, to {date}", "es": "{year}, hasta el {date}"},
    "inc.period.part": {"en": "{year}: {part}", "es": "{year}: {part}"},
    "inc.period.from_date": {
        "en": "{year}: {date} to {reported} (date of the report)",
        "es": "{year}: del {date} al {reported} (fecha de la noticia)",
    },
    "inc.period.part_of": {"en": "part of {year}", "es": "parte del año escolar {year}"},
    "inc.period.calendar": {"en": "calendar year {year}", "es": "año calendario {year}"},
    "inc.period.total": {"en": "{start}–{end}, total", "es": "{start}–{end}, total"},
    "inc.period.span": {"en": "{start}–{end}", "es": "{start}–{end}"},
    "inc.period.change": {"en": "{year} against {base}", "es": "{year} frente a {base}"},
    "inc.period.change_to": {
        "en": "to {year}, against an earlier year",
        "es": "hasta {year}, frente a un año anterior",
    },
    "inc.period.unstated": {
        "en": "a year the source does not state (reported {reported})",
        "es": "un año que la fuente no indica (publicado en {reported})",
    },
    "inc.period.none": {"en": "period not stated by the source", "es": "período que la fuente no indica"},
    "inc.period.unstated_year": {
        "en": "{year} (calendar or school year: not stated)",
        "es": "{year} (año calendario o escolar: no se indica)",
    },
    "inc.period.point": {"en": "{year}, as reported {reported}", "es": "{year}, según lo publicado en {reported}"},
    "inc.coverage.full_year": {"en": "whole school year", "es": "año escolar completo"},
    "inc.coverage.partial_year": {"en": "part of a school year", "es": "parte de un año escolar"},
    "inc.coverage.first_month": {"en": "first month of a school year", "es": "primer mes de un año escolar"},
    "inc.coverage.calendar_year": {"en": "calendar year", "es": "año calendario"},
    "inc.coverage.partial_calendar_year": {"en": "part of a calendar year", "es": "parte de un año calendario"},
    "inc.coverage.multi_year_total": {"en": "total over several years", "es": "total de varios años"},
    "inc.coverage.multi_year_period": {"en": "share over several years", "es": "proporción de varios años"},
    "inc.coverage.change": {"en": "published change", "es": "cambio publicado"},
    "inc.coverage.point_in_time": {"en": "at one point in time", "es": "en un momento dado"},
    "inc.coverage.unspecified": {"en": "not stated by the source", "es": "la fuente no lo indica"},
    # ---- units (axis titles)
    "inc.unit.incidents": {"en": "Incidents", "es": "Incidentes"},
    "inc.unit.weapons": {"en": "Weapons", "es": "Armas"},
    "inc.unit.firearms": {"en": "Firearms", "es": "Armas de fuego"},
    "inc.unit.items": {"en": "Items", "es": "Objetos"},
    "inc.unit.confiscations": {"en": "Confiscations", "es": "Decomisos"},
    "inc.unit.arrests": {"en": "Arrests", "es": "Arrestos"},
    "inc.unit.citations": {"en": "Citations", "es": "Citaciones"},
    "inc.unit.diversions": {"en": "Diversions", "es": "Derivaciones"},
    "inc.unit.referrals": {"en": "Referrals", "es": "Remisiones"},
    "inc.unit.tickets": {"en": "Tickets", "es": "Multas"},
    "inc.unit.summonses": {"en": "Summonses", "es": "Citatorios"},
    "inc.unit.students": {"en": "Students", "es": "Estudiantes"},
    "inc.unit.reports": {"en": "Reports", "es": "Reportes"},
    "inc.unit.issues": {"en": "Issues", "es": "Asuntos"},
    "inc.unit.threats": {"en": "Threats", "es": "Amenazas"},
    "inc.unit.campuses": {"en": "Campuses", "es": "Planteles"},
    "inc.unit.schools": {"en": "Schools", "es": "Escuelas"},
    "inc.unit.percent": {"en": "Percent", "es": "Porcentaje"},
    "inc.unit.ratio": {"en": "Times as likely", "es": "Veces más probable"},
    # ---- groups (Local Districts keep their published names)
    "inc.group.all": {"en": "All students", "es": "Todo el alumnado"},
    "inc.group.elementary": {"en": "Elementary", "es": "Primaria"},
    "inc.group.middle": {"en": "Middle school", "es": "Secundaria"},
    "inc.group.high": {"en": "High school", "es": "Preparatoria"},
    "inc.group.rifles_shotguns": {"en": "Rifles and shotguns", "es": "Rifles y escopetas"},
    "inc.group.knives_daggers": {"en": "Knives and daggers", "es": "Cuchillos y dagas"},
    "inc.group.handguns": {"en": "Handguns", "es": "Pistolas"},
    "inc.group.guns": {"en": "Guns", "es": "Armas de fuego"},
    "inc.group.knives": {"en": "Knives", "es": "Cuchillos"},
    "inc.group.battery": {"en": "Batteries", "es": "Agresiones físicas (battery)"},
    "inc.group.aggravated_assault": {"en": "Aggravated assaults", "es": "Agresiones con agravantes"},
    "inc.group.arson": {"en": "Arsons", "es": "Incendios provocados"},
    "inc.group.black": {"en": "Black students", "es": "Estudiantes afroamericanos"},
    "inc.group.white": {"en": "White students", "es": "Estudiantes blancos"},
    "inc.group.latinx": {"en": "Latinx students", "es": "Estudiantes latinx"},
    "inc.group.hispanic_male": {"en": "Hispanic boys", "es": "Varones hispanos"},
    "inc.group.hispanic_female": {"en": "Hispanic girls", "es": "Mujeres hispanas"},
    "inc.group.other": {"en": "Other students", "es": "Otros estudiantes"},
    "inc.level.all": {"en": "all school levels", "es": "todos los niveles"},
    "inc.level.elementary": {"en": "elementary school", "es": "primaria"},
    "inc.level.middle": {"en": "middle school", "es": "secundaria"},
    "inc.level.high": {"en": "high school", "es": "preparatoria"},
    # ---- tables
    "inc.col.figure": {"en": "Figure", "es": "Cifra"},
    "inc.col.group": {"en": "Group", "es": "Grupo"},
    "inc.col.period": {"en": "Period", "es": "Período"},
    "inc.col.value": {"en": "Value as published", "es": "Valor publicado"},
    "inc.col.coverage": {"en": "What the period covers", "es": "Qué cubre el período"},
    "inc.col.reported": {"en": "Reported", "es": "Publicado"},
    "inc.col.kind": {"en": "Kind of source", "es": "Tipo de fuente"},
    "inc.col.period_words": {
        "en": "Period, in our words",
        "es": "Período, en nuestras palabras",
    },
    "inc.col.note": {"en": "Note", "es": "Nota"},
    "inc.col.action": {"en": "Police action counted", "es": "Acción policial contada"},
    "inc.col.enrollment_share": {"en": "Share of enrollment", "es": "Proporción de la matrícula"},
    "inc.col.action_share": {"en": "Share of the action", "es": "Proporción de la acción"},
    "inc.col.ratio": {"en": "Ratio, with its formula", "es": "Razón, con su fórmula"},
    "inc.col.year": {"en": "School year", "es": "Año escolar"},
    "inc.col.item": {"en": "Question (or what was asked)", "es": "Pregunta (o lo que se preguntó)"},
    "inc.col.item_basis": {"en": "Wording", "es": "Redacción"},
    "inc.col.students": {"en": "Students", "es": "Estudiantes"},
    "inc.col.response": {"en": "Answer", "es": "Respuesta"},
    # ---- lists and definitions
    "inc.figure_line": {"en": "{label} ({period}): {value} — {source}", "es": "{label} ({period}): {value} — {source}"},
    "inc.what_counted": {"en": "What is counted:", "es": "Qué se cuenta:"},
    "inc.panel": {"en": "{label} — {source}", "es": "{label} — {source}"},
    "inc.bars.alt": {"en": "{title}. {items}.", "es": "{title}. {items}."},
    # ---- incidents over time
    "inc.time.header": {"en": "Incidents over the years", "es": "Incidentes a lo largo de los años"},
    "inc.time.intro": {
        "en": "Every point is labelled with its school year and value. Whole school years, part of a year and the "
        "first month each have their own panel and are never joined to each other. A line joins only whole school "
        "years that follow each other: a year with no published figure stays a gap, not a zero. A hollow circle is "
        "part of a year (its label says to when); a grey diamond is a figure that a later report revised. Numbered "
        "dotted lines mark dated decisions; their key is under each chart.",
        "es": "Cada punto indica su año escolar y su valor. Los años escolares completos, las partes de un año y "
        "el primer mes tienen cada uno su propio panel y nunca se unen entre sí. Una línea une solo años escolares "
        "completos y consecutivos: un año sin cifra publicada queda como un hueco, no como un cero. Un círculo "
        "vacío es una parte del año (su etiqueta dice hasta cuándo); un rombo gris es una cifra que una publicación "
        "posterior corrigió. Las líneas punteadas numeradas marcan decisiones con fecha; su clave está debajo de "
        "cada gráfico.",
    },
    "inc.time.title": {"en": "{what}, {years}", "es": "{what}, {years}"},
    "inc.time.panel_full": {"en": "Whole school years", "es": "Años escolares completos"},
    "inc.time.panel_partial": {
        "en": "Part of a school year only (its label says to when)",
        "es": "Solo una parte del año escolar (su etiqueta dice hasta cuándo)",
    },
    "inc.time.first_month_title": {
        "en": "First month of the school year only",
        "es": "Solo el primer mes del año escolar",
    },
    "inc.time.key": {"en": "Dated decisions and events", "es": "Decisiones y hechos con fecha"},
    "inc.time.gap": {"en": "no figure published", "es": "sin cifra publicada"},
    "inc.point.to": {"en": "to {date}", "es": "hasta {date}"},
    "inc.point.part": {"en": "part of the year", "es": "parte del año"},
    "inc.point.reported": {"en": "revised {date}", "es": "corregida {date}"},
    "inc.point.first_reported": {"en": "reported {date}", "es": "publicada {date}"},
    "inc.time.revision": {
        "en": "{year} was revised: {versions}. Both figures are shown; the line uses the latest.",
        "es": "La cifra de {year} se corrigió: {versions}. Se muestran las dos; la línea usa la más reciente.",
    },
    "inc.time.version": {"en": "{value} reported {date} ({source})", "es": "{value}, publicada en {date} ({source})"},
    "inc.time.undated": {
        "en": "Not drawn on the charts, because the source gives no date:",
        "es": "No se dibuja en los gráficos porque la fuente no da una fecha:",
    },
    "inc.time.undated_item": {
        "en": "{label} (school year {year}; {source})",
        "es": "{label} (año escolar {year}; {source})",
    },
    "inc.time.alt": {
        "en": "{what}. Figures: {items}. School years with no published figure: {gaps}. Decisions marked: {marks}.",
        "es": "{what}. Cifras: {items}. Años escolares sin cifra publicada: {gaps}. Decisiones marcadas: {marks}.",
    },
    "inc.time.weapons_intro": {
        "en": "**Weapons** are counted in at least five different ways — incidents in the district's data, weapons "
        "school police found on or near campuses, knives and firearms confiscated, guns found since the first day "
        "of school, guns and knives confiscated in the first weeks. Each has its own chart or panel and is never "
        "joined to another.",
        "es": "Las **armas** se cuentan de al menos cinco maneras distintas: incidentes en los datos del distrito, "
        "armas que la policía escolar encontró en los planteles o cerca de ellos, cuchillos y armas de fuego "
        "decomisados, armas de fuego encontradas desde el primer día de clases, y armas de fuego y cuchillos "
        "decomisados en las primeras semanas. Cada una tiene su propio gráfico o panel y nunca se une a otra.",
    },
    "inc.found.title": {
        "en": "Weapons found on or near campuses by school police, {years}",
        "es": "Armas encontradas por la policía escolar en los planteles o cerca de ellos, {years}",
    },
    "inc.weapons_other.title": {
        "en": "Other weapon counts, {years}: one definition per panel",
        "es": "Otros conteos de armas, {years}: una definición por panel",
    },
    "inc.change.title": {
        "en": "Changes the sources published (percentages, never turned into counts)",
        "es": "Cambios que publicaron las fuentes (porcentajes, nunca convertidos en conteos)",
    },
    "inc.change.intro": {
        "en": "Each is its own measure, over the period it names; they are not comparable with each other.",
        "es": "Cada uno es una medida propia, para el período que indica; no son comparables entre sí.",
    },
    "inc.change.line": {
        "en": "{label}: {change} ({period}) — {source}",
        "es": "{label}: {change} ({period}) — {source}",
    },
    "inc.change.up": {"en": "up {value}", "es": "aumentó {value}"},
    "inc.change.down": {"en": "down {value}", "es": "bajó {value}"},
    # ---- school-police activity
    "inc.police.header": {"en": "School-police activity", "es": "Actividad de la policía escolar"},
    "inc.police.intro": {
        "en": "Arrests, citations, tickets and diversion by the Los Angeles School Police Department (LASPD), as "
        "researchers, journalists and the district reported them. The years each chart covers are in its title; "
        "totals over several years are totals, never split into years.",
        "es": "Arrestos, citaciones, multas y programas de derivación del Departamento de Policía Escolar de Los "
        "Ángeles (LASPD), según los publicaron investigadores, periodistas y el distrito. Los años que cubre cada "
        "gráfico están en su título; los totales de varios años son totales y nunca se reparten por año.",
    },
    "inc.police.title": {
        "en": "School-police arrests, citations and diversions, {years} (totals for the whole period)",
        "es": "Arrestos, citaciones y derivaciones de la policía escolar, {years} (totales de todo el período)",
    },
    "inc.police.panel": {"en": "{period} — {source}", "es": "{period} — {source}"},
    "inc.police.totals_note": {
        "en": "Totals for {years}: the source gives no figure for any single year, and none is derived here.",
        "es": "Totales de {years}: la fuente no da una cifra para ningún año por separado y aquí no se calcula "
        "ninguna.",
    },
    "inc.tickets.title": {
        "en": "Tickets, citations and summonses to students, {years}: one definition per panel",
        "es": "Multas, citaciones y citatorios a estudiantes, {years}: una definición por panel",
    },
    "inc.diversion.title": {
        "en": "Diversion instead of court: referrals and completion, {years}",
        "es": "Derivación en lugar de tribunales: remisiones y programas completados, {years}",
    },
    "inc.diversion.panel": {"en": "{period} — {source}", "es": "{period} — {source}"},
    "inc.diversion.rate": {"en": "{label}: {value}", "es": "{label}: {value}"},
    # ---- disparities
    "inc.disp.header": {"en": "Who is arrested and cited", "es": "A quiénes se arresta y se cita"},
    "inc.disp.intro": {
        "en": "Each group's share of the students beside its share of a police action, for every source and "
        "period that gives both. The ratio is the action share divided by the enrollment share, computed exactly "
        "from the figures as published, with its formula. Where sources disagree (24% or 25%; less than 9%, 8% or "
        "8.4%), every figure is shown and none is chosen. A hedged share stays hedged: “less than 9%” of students "
        "gives a ratio of *more than* the quotient, never an exact one.",
        "es": "La proporción de cada grupo en el alumnado junto a su proporción en una acción policial, para cada "
        "fuente y período que da ambas. La razón es la proporción de la acción dividida entre la proporción de la "
        "matrícula, calculada con exactitud a partir de las cifras publicadas, con su fórmula. Donde las fuentes no "
        "coinciden (24% o 25%; menos de 9%, 8% u 8.4%), se muestran todas las cifras sin elegir ninguna. Una "
        "proporción aproximada sigue siendo aproximada: “menos de 9%” del alumnado da una razón *mayor que* el "
        "cociente, nunca una exacta.",
    },
    "inc.disp.title": {
        "en": "Share of enrollment beside share of police actions, by source and period",
        "es": "Proporción de la matrícula junto a la proporción de acciones policiales, por fuente y período",
    },
    "inc.disp.legend_enrollment": {"en": "share of students", "es": "proporción del alumnado"},
    "inc.disp.legend_action": {"en": "share of the police action", "es": "proporción de la acción"},
    "inc.disp.panel": {"en": "{source} · {period} · {action}", "es": "{source} · {period} · {action}"},
    "inc.disp.bar_enrollment": {"en": "{share} of students", "es": "{share} del alumnado"},
    "inc.disp.bar_action": {"en": "{share} of {action}", "es": "{share} de {action}"},
    "inc.disp.action.cited": {"en": "share of those cited", "es": "proporción de las personas citadas"},
    "inc.disp.action.ticketed": {"en": "share of those ticketed", "es": "proporción de las personas multadas"},
    "inc.disp.action.arrests": {"en": "share of arrests", "es": "proporción de los arrestos"},
    "inc.disp.action.arrests_citations_referrals": {
        "en": "share of arrests, citations and referrals",
        "es": "proporción de arrestos, citaciones y remisiones",
    },
    "inc.disp.action.arrests_citations_diversions": {
        "en": "share of arrests, citations and diversions",
        "es": "proporción de arrestos, citaciones y derivaciones",
    },
    "inc.disp.action.serious_interactions": {
        "en": "share of serious interactions with school police",
        "es": "proporción de las interacciones graves con la policía escolar",
    },
    "inc.disp.action_short.cited": {"en": "those cited", "es": "las personas citadas"},
    "inc.disp.action_short.ticketed": {"en": "those ticketed", "es": "las personas multadas"},
    "inc.disp.action_short.arrests": {"en": "arrests", "es": "los arrestos"},
    "inc.disp.action_short.arrests_citations_referrals": {
        "en": "arrests, citations and referrals",
        "es": "arrestos, citaciones y remisiones",
    },
    "inc.disp.action_short.arrests_citations_diversions": {
        "en": "arrests, citations and diversions",
        "es": "arrestos, citaciones y derivaciones",
    },
    "inc.disp.action_short.serious_interactions": {
        "en": "serious interactions",
        "es": "las interacciones graves",
    },
    # on a bar, where a phone has room for a few words: the panel's title names the action in full
    "inc.disp.action_bar.cited": {"en": "those cited", "es": "las personas citadas"},
    "inc.disp.action_bar.ticketed": {"en": "those ticketed", "es": "las personas multadas"},
    "inc.disp.action_bar.arrests": {"en": "arrests", "es": "los arrestos"},
    "inc.disp.action_bar.arrests_citations_referrals": {"en": "the actions", "es": "las acciones"},
    "inc.disp.action_bar.arrests_citations_diversions": {"en": "the actions", "es": "las acciones"},
    "inc.disp.action_bar.serious_interactions": {"en": "serious interactions", "es": "interacciones graves"},
    "inc.disp.formula": {
        "en": "{action_share} of {action} ÷ {enrollment_share} of students",
        "es": "{action_share} de {action} ÷ {enrollment_share} del alumnado",
    },
    "inc.disp.result_exact": {"en": "= {n} times their share", "es": "= {n} veces su proporción"},
    "inc.disp.result_rounded": {"en": "≈ {n} times their share", "es": "≈ {n} veces su proporción"},
    "inc.disp.result_more": {
        "en": "= more than {n} times their share ({exact}; the enrollment share is a bound, so the ratio is too)",
        "es": "= más de {n} veces su proporción ({exact}; la proporción de la matrícula es un límite, así que la "
        "razón también)",
    },
    "inc.disp.result_less": {
        "en": "= less than {n} times their share ({exact}; a share is a bound, so the ratio is too)",
        "es": "= menos de {n} veces su proporción ({exact}; una proporción es un límite, así que la razón también)",
    },
    "inc.disp.result_about": {
        "en": "≈ about {n} times their share (a share is approximate)",
        "es": "≈ alrededor de {n} veces su proporción (una proporción es aproximada)",
    },
    "inc.disp.no_ratio": {
        "en": "— no ratio can be given from these figures",
        "es": "— con estas cifras no se puede dar una razón",
    },
    "inc.disp.ratios": {
        "en": "The ratios, with their formula (share of the action ÷ share of enrollment):",
        "es": "Las razones, con su fórmula (proporción de la acción ÷ proporción de la matrícula):",
    },
    "inc.disp.only_one": {
        "en": "Published with only one of the two shares (no ratio can be computed):",
        "es": "Publicadas con solo una de las dos proporciones (no se puede calcular una razón):",
    },
    "inc.disp.only_line": {
        "en": "{group}, {period}: {action_share} ({action}); share of enrollment: {enrollment} — {source}",
        "es": "{group}, {period}: {action_share} ({action}); proporción de la matrícula: {enrollment} — {source}",
    },
    "inc.disp.year_unstated": {
        "en": "{year} (calendar or school year: not stated)",
        "es": "{year} (año calendario o escolar: no se indica)",
    },
    "inc.disp.no_year": {"en": "no year given (article of {date})", "es": "sin año (artículo de {date})"},
    "inc.disp.other_line": {
        "en": "{period}: {action_share} ({action}); share of students: {enrollment} — {source}",
        "es": "{period}: {action_share} ({action}); proporción del alumnado: {enrollment} — {source}",
    },
    "inc.claim.title": {
        "en": "Checking a claim: “8% of students, 25% of arrests”",
        "es": "Verificar una afirmación: “8% del alumnado, 25% de los arrestos”",
    },
    "inc.claim.body": {
        "en": "{source}, {date}: {group} are {enrollment} of students but account for {action_share} of {action}.",
        "es": "{source}, {date}: {group} son el {enrollment} del alumnado pero representan el {action_share} de "
        "{action}.",
    },
    "inc.claim.no_year": {
        "en": "The article gives no year and names no data source for these two shares.",
        "es": "El artículo no da un año ni nombra una fuente de datos para estas dos proporciones.",
    },
    "inc.claim.others": {
        "en": "What other sources published for {group} (the article does not say it used any of them):",
        "es": "Lo que publicaron otras fuentes sobre {group} (el artículo no dice que haya usado ninguna):",
    },
    # ---- where incidents happen
    "inc.places.header": {"en": "Where incidents happen", "es": "Dónde ocurren los incidentes"},
    "inc.places.intro": {
        "en": "Each chart keeps the geography of its own year: the district's incident reports of {istar_year} by "
        "the Local Districts of that time and by school level, and the short-term police deployments of "
        "{deployment_year} by region and board district. No figure is moved onto the geography of another year, "
        "and none is mapped.",
        "es": "Cada gráfico conserva la geografía de su propio año: los reportes de incidentes del distrito de "
        "{istar_year} por los Distritos Locales de entonces y por nivel escolar, y los despliegues policiales de "
        "corto plazo de {deployment_year} por región y por distrito de la junta. Ninguna cifra se traslada a la "
        "geografía de otro año y ninguna se dibuja en un mapa.",
    },
    "inc.istar.title": {
        "en": "The district's incident reports (iSTAR), {years}: by Local District and by school level",
        "es": "Reportes de incidentes del distrito (iSTAR), {years}: por Distrito Local y por nivel escolar",
    },
    "inc.istar.local_districts": {
        "en": "Local Districts are the six areas the district was organized in from 2015 to 2022 — not the four "
        "regions that replaced them in 2022; never read them as regions. The stored copy of the annual report holds "
        "only its first rows, Central and East, so the other four Local Districts are not shown.",
        "es": "Los Distritos Locales son las seis áreas en que se organizaba el distrito de 2015 a 2022, no las "
        "cuatro regiones que los reemplazaron en 2022; no deben leerse como regiones. La copia guardada del informe "
        "anual contiene solo sus primeras filas, Central y East, así que los otros cuatro Distritos Locales no se "
        "muestran.",
    },
    "inc.istar.missing": {
        "en": "{label}, {group}, {year}: not available — the stored copy of the report breaks off partway through "
        "this number, so it is not drawn.",
        "es": "{label}, {group}, {year}: no disponible; la copia guardada del informe se corta a mitad de esta "
        "cifra, así que no se dibuja.",
    },
    "inc.dep.intro": {
        "en": "The only district-wide distribution of school-police activity published for {year}: short-term "
        "deployments of officers to campuses.",
        "es": "La única distribución de la actividad de la policía escolar en todo el distrito publicada para "
        "{year}: despliegues de agentes de corto plazo en planteles.",
    },
    "inc.dep.region_title": {
        "en": "Short-term police deployments by region, {year} (the {n} regions formed in {established})",
        "es": "Despliegues policiales de corto plazo por región, {year} (las {n} regiones creadas en {established})",
    },
    "inc.dep.bd_title": {
        "en": "Short-term police deployments by board district, {year} (the {n} board districts)",
        "es": "Despliegues policiales de corto plazo por distrito de la junta, {year} (los {n} distritos)",
    },
    "inc.dep.panel": {
        "en": "Deployments in {year}, as the district published them",
        "es": "Despliegues en {year}, según los publicó el distrito",
    },
    "inc.dep.not_mapped": {
        "en": "Regions and board districts are not the Local Districts of {istar_year}: the two charts above cannot "
        "be compared area by area with the incident reports.",
        "es": "Las regiones y los distritos de la junta no son los Distritos Locales de {istar_year}: los dos "
        "gráficos anteriores no se pueden comparar área por área con los reportes de incidentes.",
    },
    # ---- how students feel
    "inc.climate.header": {
        "en": "How safe students say they feel",
        "es": "Qué tan seguros dicen sentirse los estudiantes",
    },
    "inc.climate.intro": {
        "en": "Survey figures with the question as the source gives it. When a source does not quote the question, "
        "the page says so.",
        "es": "Cifras de encuestas con la pregunta tal como la da la fuente. Cuando una fuente no cita la "
        "pregunta, la página lo dice.",
    },
    "inc.climate.title": {
        "en": "Students who say they feel safe, {years}",
        "es": "Estudiantes que dicen sentirse seguros, {years}",
    },
    "inc.climate.panel": {
        "en": "{year} · {students} · {item} — {source}",
        "es": "{year} · {students} · {item} — {source}",
    },
    "inc.climate.all_students": {"en": "all students", "es": "todo el alumnado"},
    "inc.climate.students": {"en": "{group}, {level}", "es": "{group}, {level}"},
    "inc.climate.quoted": {"en": "“{item}”", "es": "“{item}”"},
    "inc.climate.described": {"en": "{item}", "es": "{item}"},
    "inc.climate.basis.quoted": {
        "en": "the survey's words, as the source quotes them",
        "es": "las palabras de la encuesta, según las cita la fuente (traducción nuestra)",
    },
    "inc.climate.basis.described": {
        "en": "our description: the source does not quote the question",
        "es": "nuestra descripción: la fuente no cita la pregunta",
    },
    "inc.climate.response.agree_or_strongly_agree": {
        "en": "Agree or strongly agree",
        "es": "De acuerdo o muy de acuerdo",
    },
    "inc.climate.response.neither_agree_nor_disagree": {
        "en": "Neither agree nor disagree",
        "es": "Ni de acuerdo ni en desacuerdo",
    },
    "inc.climate.response.disagree_or_strongly_disagree": {
        "en": "Disagree or strongly disagree",
        "es": "En desacuerdo o muy en desacuerdo",
    },
    "inc.climate.response.reported_feeling_safe": {"en": "Feel safe", "es": "Se sienten seguros"},
    "inc.climate.conflict": {
        "en": "Two figures for {level} students in {year}, from the same survey year, that do not agree. Neither "
        "source explains the other's figure; both are shown.",
        "es": "Dos cifras para estudiantes de {level} en {year}, del mismo año de la encuesta, que no coinciden. "
        "Ninguna fuente explica la cifra de la otra; se muestran las dos.",
    },
    "inc.climate.conflict_item": {
        "en": "{response}: {item} — {kind}",
        "es": "{response}: {item} — {kind}",
    },
    # ---- every other figure
    "inc.other.header": {"en": "Every other published figure", "es": "Todas las demás cifras publicadas"},
    "inc.other.intro": {
        "en": "Figures the sources published that belong to none of the charts above: each is its own definition "
        "and period, so they are listed, not compared.",
        "es": "Cifras que publicaron las fuentes y que no pertenecen a ninguno de los gráficos anteriores: cada una "
        "es una definición y un período propios, así que se listan y no se comparan.",
    },
    # ---- staff-imported campus records
    "inc.imp.header": {
        "en": "Campus incident records supplied by the district (not published)",
        "es": "Registros de incidentes por plantel entregados por el distrito (no publicados)",
    },
    "inc.imp.none": {
        "en": "No campus-level incident records have been imported. District staff can load them from a CSV file "
        "(date, school, CDS code, category, count) with `python -m data.import_campus_incidents FILE`; they then "
        "appear here, labelled as district-supplied and unpublished.",
        "es": "No se han importado registros de incidentes por plantel. El personal del distrito puede cargarlos "
        "desde un archivo CSV (fecha, escuela, código CDS, categoría, cantidad) con "
        "`python -m data.import_campus_incidents ARCHIVO`; entonces aparecen aquí, marcados como entregados por el "
        "distrito y no publicados.",
    },
    "inc.imp.unreadable": {
        "en": "The imported campus incident records could not be read; only the published figures are shown.",
        "es": "No se pudieron leer los registros de incidentes por plantel importados; solo se muestran las cifras "
        "publicadas.",
    },
    "inc.imp.banner": {
        "en": "District-supplied, not published: {records} records ({incidents} incidents) at {schools} schools, "
        "{first} to {last}, from the file {file}, imported {imported} (UTC). Not checked against any published "
        "source. {matched} schools' CDS codes are in the 2018 state school directory.",
        "es": "Entregado por el distrito, no publicado: {records} registros ({incidents} incidentes) en {schools} "
        "escuelas, del {first} al {last}, del archivo {file}, importado el {imported} (UTC). No se coteja con "
        "ninguna fuente publicada. Los códigos CDS de {matched} escuelas están en el directorio estatal de escuelas "
        "de 2018.",
    },
    "inc.imp.cite": {
        "en": "District-supplied records (not published): file {file}, imported {imported} UTC.",
        "es": "Registros entregados por el distrito (no publicados): archivo {file}, importado el {imported} UTC.",
    },
    "inc.imp.chart_title": {
        "en": "District-supplied campus incident records by category, {first} to {last} (not published)",
        "es": "Registros de incidentes por plantel entregados por el distrito, por categoría, del {first} al "
        "{last} (no publicados)",
    },
    "inc.imp.panel": {"en": "Incidents in the imported records", "es": "Incidentes en los registros importados"},
    "inc.imp.hover": {"en": "{n} incidents at {schools} schools", "es": "{n} incidentes en {schools} escuelas"},
    "inc.imp.by_school": {"en": "By school", "es": "Por escuela"},
    "inc.imp.no_geography": {
        "en": "By school only: region and board district are not shown. The 2018 state school directory that the "
        "CDS codes are checked against gives neither, and no reviewed list maps schools to the 2022 regions or "
        "board districts, so none is guessed.",
        "es": "Solo por escuela: no se muestran región ni distrito de la junta. El directorio estatal de escuelas "
        "de 2018, con el que se cotejan los códigos CDS, no da ninguno de los dos, y no existe una lista revisada "
        "que asigne las escuelas a las regiones o distritos de la junta de 2022, así que no se adivina ninguno.",
    },
    "inc.imp.col.school": {"en": "School (as written in the file)", "es": "Escuela (como está escrita en el archivo)"},
    "inc.imp.col.cds": {"en": "CDS code", "es": "Código CDS"},
    "inc.imp.col.directory": {"en": "In the 2018 state directory as", "es": "En el directorio estatal de 2018 como"},
    "inc.imp.col.category": {"en": "Category", "es": "Categoría"},
    "inc.imp.col.count": {"en": "Incidents", "es": "Incidentes"},
    "inc.imp.col.first": {"en": "First date", "es": "Primera fecha"},
    "inc.imp.col.last": {"en": "Last date", "es": "Última fecha"},
    "inc.imp.directory_no": {"en": "not in the 2018 directory", "es": "no está en el directorio de 2018"},
    "inc.imp.no_cds": {"en": "no CDS code given", "es": "sin código CDS"},
    "inc.cat.fights": {"en": "Fights and physical aggression", "es": "Peleas y agresiones físicas"},
    "inc.cat.weapons": {"en": "Weapons", "es": "Armas"},
    "inc.cat.suicidal_behaviour": {"en": "Suicidal behavior", "es": "Conducta suicida"},
    "inc.cat.threats": {"en": "Threats", "es": "Amenazas"},
    "inc.cat.substances": {"en": "Substances", "es": "Sustancias"},
    "inc.cat.other": {"en": "Other", "es": "Otros"},
}
