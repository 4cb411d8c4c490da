"""Words of the Spending page (pages/spending.py), English and Spanish. Merged into components.i18n.CATALOG.

Templates that reach st.markdown unescaped hold no dollar sign (Streamlit would read a pair as LaTeX); figures
are passed in as values, escaped by the page.
"""

CATALOG: dict[str, dict[str, str]] = {
    # ---- header and the four questions
    "sp.title": {
        "en": "Where the safety money goes, and what a shift would buy",
        "es": "A dónde va el dinero de seguridad y qué compraría un cambio",
    },
    "sp.intro": {
        "en": "The district's {year} safety budget line by line, the school-police budget over the years, and a "
        "what-if calculator. Every figure names its source; the calculator's results are arithmetic on the "
        "published table, not district figures.",
        "es": "El presupuesto de seguridad del distrito para {year}, línea por línea; el presupuesto de la policía "
        "escolar a lo largo de los años, y una calculadora hipotética. Cada cifra indica su fuente; los "
        "resultados de la calculadora son aritmética sobre la tabla publicada, no cifras del distrito.",
    },
    "sp.q.law_enforcement": {"en": "School police", "es": "Policía escolar"},
    "sp.q.mental_health_wellness": {"en": "Mental health and wellness", "es": "Salud mental y bienestar"},
    "sp.q.campus_supervision": {"en": "Campus supervision", "es": "Supervisión en planteles"},
    "sp.q.share": {"en": "{share} of the safety budget", "es": "{share} del presupuesto de seguridad"},
    "sp.q.lines_help": {
        "en": "Budget lines: {items}. {fte} FTEs.",
        "es": "Líneas del presupuesto: {items}. {fte} FTE.",
    },
    "sp.q.psw": {
        "en": "What {amount} buys in psychiatric social workers",
        "es": "Lo que {amount} paga en trabajadores sociales psiquiátricos",
    },
    "sp.q.psw_value": {"en": "{fte} FTEs", "es": "{fte} FTE"},
    "sp.q.psw_delta": {"en": "what-if, at {cost} per FTE", "es": "hipotético, a {cost} por FTE"},
    "sp.q.psw_help": {
        "en": "The Psychiatric Social Workers line is {budget} for {fte} FTEs: an average of {cost} per FTE. "
        "An average of the published table, not a salary schedule.",
        "es": "La línea de trabajadores sociales psiquiátricos es de {budget} para {fte} FTE: un promedio de "
        "{cost} por FTE. Es un promedio de la tabla publicada, no una escala salarial.",
    },
    "sp.q.note": {
        "en": "Shares are of the sum of the year's {n} budget lines ({total}). School police = the Sworn Peace "
        "Officers line. The categories are this dashboard's grouping of the published lines; each line's category "
        "is in the table of lines.",
        "es": "Los porcentajes son sobre la suma de las {n} líneas del presupuesto del año ({total}). Policía "
        "escolar = la línea de agentes juramentados. Las categorías son la agrupación que hace este tablero de las "
        "líneas publicadas; la categoría de cada línea está en la tabla de líneas.",
    },
    "sp.finding": {
        "en": "In {year}, the {n} lines of the safety budget add up to {total}. The largest, {top}, gets {top_usd} "
        "({top_share}); school police (the law-enforcement lines) get {police_usd} ({police_share}).",
        "es": "En {year}, las {n} líneas del presupuesto de seguridad suman {total}. La mayor, {top}, recibe "
        "{top_usd} ({top_share}); la policía escolar (las líneas de seguridad pública) recibe {police_usd} "
        "({police_share}).",
    },
    "sp.finding.short": {
        "en": "In {year}, the {n} lines of the safety budget add up to {total}. The largest, {top}, gets {top_usd} "
        "({top_share}).",
        "es": "En {year}, las {n} líneas del presupuesto de seguridad suman {total}. La mayor, {top}, recibe "
        "{top_usd} ({top_share}).",
    },
    "sp.finding.scenario": {
        "en": "What-if on the published {year} table (arithmetic, not a district plan):",
        "es": "Hipótesis sobre la tabla publicada de {year} (aritmética, no un plan del distrito):",
    },
    "sp.scenario.chart_title": {
        "en": "The lines this what-if changes: published and what-if",
        "es": "Las líneas que cambia esta hipótesis: publicado e hipotético",
    },
    "sp.scenario.chart_alt": {
        "en": "Bar chart of the budget lines the what-if changes, published and what-if: {items}.",
        "es": "Gráfico de barras de las líneas del presupuesto que cambia la hipótesis, publicado e hipotético: "
        "{items}.",
    },
    "sp.sec.figures": {"en": "Key figures, {year}", "es": "Cifras principales, {year}"},
    "sp.sec.lines": {"en": "Lines by level", "es": "Líneas por nivel"},
    "sp.sec.whatif": {"en": "What-if calculator", "es": "Calculadora hipotética"},
    "sp.sec.police": {"en": "School-police budget", "es": "Presupuesto de la policía escolar"},
    "sp.sec.checks": {"en": "How we checked", "es": "Cómo lo comprobamos"},
    "sp.q.open_example": {
        "en": "Open the what-if: move {amount} from sworn officers to psychiatric social workers",
        "es": "Abrir el hipotético: pasar {amount} de agentes juramentados a trabajadores sociales psiquiátricos",
    },
    "sp.scenario.move": {
        "en": "Move {n}: {usd} from {src} to {dst} = {fte} FTEs at the destination's average cost.",
        "es": "Movimiento {n}: {usd} de {src} a {dst} = {fte} FTE al costo promedio del destino.",
    },
    "sp.scenario.some_refused": {
        "en": "{n} move(s) in the link were refused or ignored; the reasons are in the What-if calculator tab.",
        "es": "{n} movimiento(s) del enlace se rechazaron o se ignoraron; los motivos están en la pestaña Calculadora hipotética.",
    },
    # ---- breakdown
    "sp.breakdown.caption": {
        "en": "Click a category in the first chart to open it. Average cost per FTE = budgeted dollars divided "
        "by FTEs, from the published table. Shares are of the whole budget, also when filtered.",
        "es": "Haga clic en una categoría del primer gráfico para abrirla. Costo promedio por FTE = dólares "
        "presupuestados entre FTE, de la tabla publicada. Los porcentajes son del presupuesto completo, "
        "también con filtro.",
    },
    "sp.filter.level": {"en": "Location level (as published)", "es": "Nivel (como se publicó)"},
    "sp.filter.level_help": {
        "en": "Choose one or more; none chosen shows every line.",
        "es": "Elija uno o varios; sin elección se ven todas las líneas.",
    },
    "sp.filter.showing": {
        "en": "Showing {n} of {total_n} lines: {usd}, {share} of the safety budget.",
        "es": "Se muestran {n} de {total_n} líneas: {usd}, el {share} del presupuesto de seguridad.",
    },
    "sp.table.title": {"en": "Every budget line, with its citation", "es": "Cada línea del presupuesto, con su cita"},
    "sp.table.caption": {
        "en": "Click a column header to sort. The download carries the citation.",
        "es": "Haga clic en el encabezado de una columna para ordenar. La descarga incluye la cita.",
    },
    "sp.tree.root": {"en": "Safety budget {year}", "es": "Presupuesto de seguridad {year}"},
    "sp.tree.title": {
        "en": "The {year} safety budget: categories and lines",
        "es": "El presupuesto de seguridad {year}: categorías y líneas",
    },
    "sp.tree.hover_cat": {
        "en": "{usd}<br>{share} of the budget · {fte} FTEs",
        "es": "{usd}<br>{share} del presupuesto · {fte} FTE",
    },
    "sp.tree.hover_line": {
        "en": "{usd}<br>{share} of the budget · {fte} FTEs<br>Average per FTE: {cost}<br>Location level: {level}",
        "es": "{usd}<br>{share} del presupuesto · {fte} FTE<br>Promedio por FTE: {cost}<br>Nivel: {level}",
    },
    "sp.tree.alt": {
        "en": "Treemap of the {year} safety budget, {n} lines totalling {total}, by category: {items}.",
        "es": "Mapa de árbol del presupuesto de seguridad {year}, {n} líneas que suman {total}, por "
        "categoría: {items}.",
    },
    "sp.bar.title": {
        "en": "The largest budget lines, {year}",
        "es": "Las mayores líneas del presupuesto, {year}",
    },
    "sp.bar.rest": {
        "en": "The {n} smaller lines together (each {largest} or less)",
        "es": "Las {n} líneas menores juntas (cada una de {largest} o menos)",
    },
    "sp.bar.x": {"en": "Budgeted dollars", "es": "Dólares presupuestados"},
    "sp.bar.hover": {
        "en": "{category}<br>{usd}<br>{share} of the budget · {fte} FTEs<br>Average per FTE: {cost}<br>"
        "Location level: {level}",
        "es": "{category}<br>{usd}<br>{share} del presupuesto · {fte} FTE<br>Promedio por FTE: {cost}<br>Nivel: {level}",
    },
    "sp.bar.alt": {
        "en": "Bar chart of the {year} safety budget lines: {items}.",
        "es": "Gráfico de barras de las líneas del presupuesto de seguridad {year}: {items}.",
    },
    "sp.na": {"en": "N/A", "es": "N/A"},
    "sp.na_fte": {"en": "no FTEs published (N/A)", "es": "sin FTE publicados (N/A)"},
    "sp.na_fte_short": {"en": "dollars only (no FTEs)", "es": "solo dólares (sin FTE)"},
    # ---- calculator
    "sp.calc.whatif": {
        "en": "What-if calculator. It is not a district plan or proposal, and it does not change any published "
        "figure on this page. It converts dollars to FTEs at each line's average published cost per FTE.",
        "es": "Calculadora hipotética. No es un plan ni una propuesta del distrito y no cambia ninguna cifra "
        "publicada de esta página. Convierte dólares en FTE al costo promedio publicado por FTE de cada línea.",
    },
    "sp.calc.from": {"en": "Take from", "es": "Tomar de"},
    "sp.calc.to": {"en": "Give to", "es": "Dar a"},
    "sp.calc.unit": {"en": "Amount as", "es": "Cantidad en"},
    "sp.calc.unit.usd": {"en": "Dollars", "es": "Dólares"},
    "sp.calc.unit.pct": {"en": "Percent of the source line", "es": "Porcentaje de la línea de origen"},
    "sp.calc.amount_usd": {
        "en": "Dollars (used when 'Dollars' is chosen)",
        "es": "Dólares (se usa si elige 'Dólares')",
    },
    "sp.calc.amount_pct": {
        "en": "Percent (used when 'Percent' is chosen)",
        "es": "Porcentaje (se usa si elige 'Porcentaje')",
    },
    "sp.calc.add": {"en": "Add this move", "es": "Agregar este movimiento"},
    "sp.calc.full": {
        "en": "A scenario holds at most {limit} moves. Remove one to add another.",
        "es": "Un escenario admite como máximo {limit} movimientos. Quite uno para agregar otro.",
    },
    "sp.calc.empty": {
        "en": "No moves yet. Add one above; each move is added to the page link so it can be shared.",
        "es": "Aún no hay movimientos. Agregue uno arriba; cada movimiento se añade al enlace de la "
        "página para poder compartirlo.",
    },
    "sp.calc.move_head_pct": {
        "en": "Move {n}: {pct} % of {src} to {dst}",
        "es": "Movimiento {n}: {pct} % de {src} a {dst}",
    },
    "sp.calc.move_head": {
        "en": "Move {n}: {amount} from {src} to {dst}",
        "es": "Movimiento {n}: {amount} de {src} a {dst}",
    },
    "sp.calc.remove": {"en": "Remove", "es": "Quitar"},
    "sp.calc.clear": {"en": "Clear all moves", "es": "Borrar todos los movimientos"},
    "sp.calc.lines_title": {"en": "Lines changed by the scenario", "es": "Líneas que cambia el escenario"},
    "sp.calc.share": {
        "en": "Link to this exact view (filters and scenario), to copy and share:",
        "es": "Enlace a esta vista exacta (filtros y escenario), para copiar y compartir:",
    },
    "sp.calc.assumptions_title": {"en": "Assumptions and arithmetic", "es": "Supuestos y aritmética"},
    "sp.calc.assumptions": {
        "en": "- **Average cost per FTE** = a line's budgeted dollars divided by its FTEs, both as published. It is "
        "an average, not a salary schedule: real hiring costs depend on step, benefits, vacancies and "
        "timing.\n"
        "- **FTE equivalents** = dollars moved divided by that average, for the line money leaves and for the "
        "line it goes to. They are what the dollars would pay for on average, not positions anyone has "
        "created or cut.\n"
        "- The **Community Based Safety Pilot vendor line** has no FTEs in the source (N/A), so money moved "
        "to or from it is shown in dollars only.\n"
        "- A **percent** is a percent of the source line as published, rounded to whole dollars.\n"
        "- Moves apply **in order**. A move for more than its source line holds at that point (after the "
        "earlier moves) is refused with the reason; the others still apply. Zero is allowed and changes "
        "nothing. At most {limit} moves.\n"
        "- The total does not change: money only moves between lines. **Published figures are never "
        "changed**; the scenario is shown beside them.",
        "es": "- **Costo promedio por FTE** = los dólares presupuestados de una línea divididos entre sus FTE, "
        "ambos como se publicaron. Es un promedio, no una escala salarial: el costo real de contratar "
        "depende del escalafón, las prestaciones, las vacantes y el calendario.\n"
        "- **FTE equivalentes** = dólares movidos divididos entre ese promedio, para la línea de la que sale "
        "el dinero y para la que lo recibe. Es lo que los dólares pagarían en promedio, no puestos que "
        "alguien haya creado o eliminado.\n"
        "- La **línea de proveedores del Programa Piloto de Seguridad Comunitaria (CBSP)** no tiene FTE en la "
        "fuente (N/A); el dinero que entra o sale de ella se muestra solo en dólares.\n"
        "- Un **porcentaje** es un porcentaje de la línea de origen como se publicó, redondeado a dólares "
        "enteros.\n"
        "- Los movimientos se aplican **en orden**. Un movimiento por más de lo que la línea de origen tiene "
        "en ese momento (después de los anteriores) se rechaza con el motivo; los demás se aplican. Se "
        "permite cero, que no cambia nada. Como máximo {limit} movimientos.\n"
        "- El total no cambia: el dinero solo se mueve entre líneas. **Las cifras publicadas nunca se "
        "modifican**; el escenario se muestra junto a ellas.",
    },
    "sp.calc.issue.move_n": {"en": "Move {n}: {text}", "es": "Movimiento {n}: {text}"},
    "sp.calc.issue.too_long": {
        "en": "The scenario in the link is longer than {limit} characters, so it was ignored.",
        "es": "El escenario del enlace tiene más de {limit} caracteres, así que se ignoró.",
    },
    "sp.calc.issue.too_many": {
        "en": "The link holds more than {limit} moves; the last {ignored} were ignored.",
        "es": "El enlace tiene más de {limit} movimientos; se ignoraron los últimos {ignored}.",
    },
    "sp.calc.issue.malformed": {
        "en": "not readable as “from-line>to-line:amount”, so it was ignored.",
        "es": "no se puede leer como “línea-origen>línea-destino:cantidad”, así que se ignoró.",
    },
    "sp.calc.issue.unknown_line": {
        "en": "names a budget line that does not exist, so it was ignored.",
        "es": "nombra una línea del presupuesto que no existe, así que se ignoró.",
    },
    "sp.calc.issue.negative": {
        "en": "a negative amount is not allowed (swap the lines instead), so it was ignored.",
        "es": "no se permite una cantidad negativa (invierta las líneas), así que se ignoró.",
    },
    "sp.calc.issue.bad_amount": {
        "en": "the amount is not a plain number of dollars or a percent, so it was ignored.",
        "es": "la cantidad no es un número simple de dólares ni un porcentaje, así que se ignoró.",
    },
    "sp.calc.issue.same_line": {
        "en": "the source and destination are the same line, so it was ignored.",
        "es": "el origen y el destino son la misma línea, así que se ignoró.",
    },
    "sp.calc.issue.exceeds": {
        "en": "refused. It asks for {requested} from {line}, which holds {available} at this point "
        "(after the earlier moves). Nothing was moved for it.",
        "es": "rechazado. Pide {requested} de {line}, que en este punto tiene {available} (después de los "
        "movimientos anteriores). No se movió nada por él.",
    },
    "sp.calc.math.pct": {
        "en": "{pct} % of {line} as published ({published}) = {usd}, rounded to whole dollars.",
        "es": "{pct} % de {line} como se publicó ({published}) = {usd}, redondeado a dólares enteros.",
    },
    "sp.calc.math.from": {
        "en": "From {line}: {usd} ÷ {cost} per FTE (= {budget} ÷ {fte_line} FTEs) = {fte} FTE equivalents.",
        "es": "De {line}: {usd} ÷ {cost} por FTE (= {budget} ÷ {fte_line} FTE) = {fte} FTE equivalentes.",
    },
    "sp.calc.math.to": {
        "en": "To {line}: {usd} ÷ {cost} per FTE (= {budget} ÷ {fte_line} FTEs) = {fte} FTE equivalents.",
        "es": "A {line}: {usd} ÷ {cost} por FTE (= {budget} ÷ {fte_line} FTE) = {fte} FTE equivalentes.",
    },
    "sp.calc.math.no_fte": {
        "en": "{line}: no FTEs are published for this line, so {usd} stays in dollars only.",
        "es": "{line}: no se publican FTE para esta línea, así que {usd} queda solo en dólares.",
    },
    "sp.calc.mix.title": {
        "en": "Category mix: published and what-if",
        "es": "Distribución por categoría: publicada e hipotética",
    },
    "sp.calc.mix.published": {"en": "Published", "es": "Publicado"},
    "sp.calc.mix.scenario": {"en": "What-if", "es": "Hipotético"},
    "sp.calc.mix.alt": {
        "en": "Bar chart of the safety budget by category, published and in the what-if scenario: {items}.",
        "es": "Gráfico de barras del presupuesto de seguridad por categoría, publicado y en el "
        "escenario hipotético: {items}.",
    },
    # ---- school police 2023-24
    "sp.laspd.caption": {
        "en": "The pieces as the district listed them. The slide gives no total for them, so none is computed. "
        "The sworn-officer piece is the rounded form of the Sworn Peace Officers line above. Outlined "
        "(hollow) bars, marked ~, are figures the source hedges.",
        "es": "Las partes tal como las enumeró el distrito. La diapositiva no da un total, así que no se calcula "
        "ninguno. La parte de agentes juramentados es la forma redondeada de la línea de agentes de arriba. "
        "Las barras huecas, marcadas con ~, son cifras que la fuente matiza.",
    },
    "sp.laspd.title": {
        "en": "School-police budget pieces, {year}",
        "es": "Partes del presupuesto de la policía escolar, {year}",
    },
    "sp.laspd.hover": {
        "en": "As published: {published}<br>{usd}<br>{approx}",
        "es": "Como se publicó: {published}<br>{usd}<br>{approx}",
    },
    "sp.laspd.alt": {
        "en": "Bar chart of the {year} school-police budget pieces: {items}.",
        "es": "Gráfico de barras de las partes del presupuesto de la policía escolar {year}: {items}.",
    },
    "sp.laspd.none": {
        "en": "The pieces of the {year} school-police budget have not been published.",
        "es": "No se han publicado las partes del presupuesto de la policía escolar de {year}.",
    },
    # ---- multi-year series
    "sp.hist.header": {
        "en": "School police over the years: budget and staffing, each kind of count on its own",
        "es": "La policía escolar a lo largo de los años: presupuesto y personal, cada tipo de conteo por separado",
    },
    "sp.hist.caption": {
        "en": "Figures from news, research, advocacy and reference sources, one row per school year. Where sources "
        "disagree for a year, every figure is a point and the grey band runs from the lowest to the highest; none "
        "is chosen. The table under each chart names the source of every figure, also of those without a school "
        "year.",
        "es": "Cifras de noticias, investigaciones, organizaciones de incidencia y sitios de referencia, una fila por "
        "año escolar. Cuando las fuentes no coinciden en un año, cada cifra es un punto y la banda gris va de la "
        "menor a la mayor; no se elige ninguna. La tabla bajo cada gráfico indica la fuente de cada cifra, también "
        "de las que no tienen año escolar.",
    },
    "sp.hist.single": {
        "en": "Other kinds of count reported for one school year only (no series to draw), each with its source:",
        "es": "Otros tipos de conteo reportados para un solo año escolar (no hay serie que dibujar), cada uno con su "
        "fuente:",
    },
    "sp.hist.none": {
        "en": "No figures for this series are in the data yet.",
        "es": "Aún no hay cifras de esta serie en los datos.",
    },
    "sp.hist.undated": {
        "en": "{n} figure(s) have no school year in their source; they are listed in the table and not plotted.",
        "es": "{n} cifra(s) no tienen año escolar en su fuente; están en la tabla y no en el gráfico.",
    },
    "sp.hist.events_note": {
        "en": "Lines across the charts, between the school years: the board's June 30, 2020 vote to cut the "
        "school-police budget (dashed) and the February 2021 cut of positions (dotted).",
        "es": "Líneas a lo ancho de los gráficos, entre los años escolares: la votación de la junta del 30 de junio "
        "de 2020 para recortar el presupuesto de la policía escolar (discontinua) y el recorte de puestos de "
        "febrero de 2021 (punteada).",
    },
    "sp.hist.title.department_budget_usd": {
        "en": "School-police department budget, reported",
        "es": "Presupuesto del departamento de policía escolar",
    },
    "sp.hist.title.sworn_officers": {
        "en": "Sworn school-police officers employed, by school year, as reported",
        "es": "Agentes juramentados de la policía escolar empleados, por año escolar, según las fuentes",
    },
    "sp.hist.title.non_sworn_officers": {
        "en": "Non-sworn school safety officers, by school year, as reported",
        "es": "Oficiales de seguridad escolar no juramentados, por año escolar, según las fuentes",
    },
    "sp.hist.title.employees_all_ranks": {
        "en": "School-police employees of all ranks (sworn, non-sworn and support), as reported",
        "es": "Empleados de la policía escolar de todos los rangos (juramentados, no juramentados y de apoyo), "
        "según las fuentes",
    },
    "sp.hist.title.positions_all_ranks": {
        "en": "School-police positions of all ranks, as reported",
        "es": "Puestos de la policía escolar de todos los rangos, según las fuentes",
    },
    "sp.hist.title.force_unspecified": {
        "en": "School-police “officers” or “force”, sworn and non-sworn not told apart by the source",
        "es": "“Agentes” o “fuerza” de la policía escolar, sin distinguir juramentados y no juramentados en la fuente",
    },
    "sp.hist.band": {"en": "{low} to {high}", "es": "{low} a {high}"},
    "sp.hist.n_figures": {"en": "{n} figures", "es": "{n} cifras"},
    "sp.hist.district_row": {"en": "{year} district table", "es": "{year} tabla del distrito"},
    "sp.hist.district_what.sworn_budgeted_fte": {
        "en": "budgeted sworn FTEs",
        "es": "FTE juramentados presupuestados",
    },
    "sp.hist.district_what.sworn_positions_budget_usd": {
        "en": "sworn positions only",
        "es": "solo puestos juramentados",
    },
    "sp.hist.key.approx": {
        "en": "Hollow: the source hedges (“about”)",
        "es": "Hueco: la fuente matiza (“alrededor de”)",
    },
    "sp.hist.key.proposal": {"en": "diamond: proposal", "es": "rombo: propuesta"},
    "sp.hist.event.laspd-cut-vote": {
        "en": "{date}: board votes to cut budget",
        "es": "{date}: la junta vota el recorte",
    },
    "sp.hist.event.laspd-positions-cut-bsap": {
        "en": "{date}: police positions cut",
        "es": "{date}: recorte de puestos policiales",
    },
    "sp.hist.basis": {"en": "Kind of figure: {basis}", "es": "Tipo de cifra: {basis}"},
    "sp.hist.source": {"en": "Source: {publisher} ({kind})", "es": "Fuente: {publisher} ({kind})"},
    "sp.hist.disagree": {
        "en": "Sources disagree for this year: {n} figures from {low} to {high}",
        "es": "Las fuentes no coinciden este año: {n} cifras, de {low} a {high}",
    },
    "sp.hist.alt": {
        "en": "Scatter chart: {what}. Figures per school year (number of sources): {items}. "
        "{undated} undated figure(s) are in the table only.",
        "es": "Gráfico de dispersión: {what}. Cifras por año escolar (número de fuentes): {items}. "
        "{undated} cifra(s) sin fecha están solo en la tabla.",
    },
    "sp.basis.adopted": {"en": "adopted", "es": "aprobado"},
    "sp.basis.proposed": {"en": "proposed", "es": "propuesto"},
    "sp.basis.reported": {"en": "reported", "es": "reportado"},
    "sp.basis.pre-cut": {"en": "before the cut", "es": "antes del recorte"},
    "sp.basis.after-cut": {"en": "after the cut", "es": "después del recorte"},
    "sp.basis.planned": {"en": "planned", "es": "planeado"},
    "sp.basis.failed-proposal": {"en": "proposal that failed", "es": "propuesta rechazada"},
    "sp.basis.draft-option": {"en": "draft option", "es": "opción preliminar"},
    "sp.undated": {"en": "no school year", "es": "sin año escolar"},
    # ---- per student
    "sp.per.header": {"en": "Per student", "es": "Por estudiante"},
    "sp.per.none_year": {
        "en": "Safety budget per student, {year}: not published. No enrollment figure for {year} is in the data.",
        "es": "Presupuesto de seguridad por estudiante, {year}: no publicado. No hay cifra de "
        "matrícula para {year} en los datos.",
    },
    "sp.per.not_published": {
        "en": "Safety budget per student, {year}: not published. The only {year} enrollment figure in the data "
        "({qualifier}{students}, {publisher}) does not say what it counts ({definition}), so no per-student "
        "figure is computed.",
        "es": "Presupuesto de seguridad por estudiante, {year}: no publicado. La única cifra de matrícula de {year} "
        "en los datos ({qualifier}{students}, {publisher}) no dice qué cuenta ({definition}); por eso no se "
        "calcula una cifra por estudiante.",
    },
    "sp.per.safety_metric": {
        "en": "Safety budget per student, {year}",
        "es": "Presupuesto de seguridad por estudiante, {year}",
    },
    "sp.per.enrollment_help": {
        "en": "Enrollment: {students} ({definition}; {publisher}).",
        "es": "Matrícula: {students} ({definition}; {publisher}).",
    },
    "sp.per.laspd_intro": {
        "en": "**School-police budget per student**, only for years with both a department budget figure and an "
        "enrollment count whose scope the source states. Each pair of figures is its own row; the "
        "enrollment definitions differ between years, so the rows are not one consistent series.",
        "es": "**Presupuesto de la policía escolar por estudiante**, solo para años con una cifra del presupuesto "
        "del departamento y una matrícula cuyo alcance indica la fuente. Cada par de cifras es una fila; las "
        "definiciones de matrícula cambian entre años, así que las filas no forman una serie coherente.",
    },
    "sp.per.laspd_none": {
        "en": "No year has both figures in the data.",
        "es": "Ningún año tiene ambas cifras en los datos.",
    },
    "sp.scope.district_run_k12": {"en": "district-run schools, K-12", "es": "escuelas del distrito, K-12"},
    "sp.scope.district_run_prek12": {
        "en": "district-run schools, preschool-12",
        "es": "escuelas del distrito, preescolar-12",
    },
    "sp.scope.incl_charters": {"en": "including charter schools", "es": "incluye escuelas chárter"},
    "sp.scope.incl_charters_early_adult": {
        "en": "including charters, early and adult education",
        "es": "incluye escuelas chárter, educación temprana y de adultos",
    },
    "sp.scope.independent_charters": {
        "en": "independent charter schools only",
        "es": "solo escuelas chárter independientes",
    },
    "sp.scope.early_education": {"en": "early education only", "es": "solo educación temprana"},
    "sp.scope.adult_education": {"en": "adult education only", "es": "solo educación de adultos"},
    "sp.scope.unstated": {"en": "not stated by the source", "es": "la fuente no lo indica"},
    # ---- table headers
    "sp.col.cost_per_fte": {"en": "Average cost per FTE (USD)", "es": "Costo promedio por FTE (USD)"},
    "sp.col.source_id": {"en": "Source id", "es": "Id de la fuente"},
    "sp.col.item": {"en": "Item (as published)", "es": "Partida (como se publicó)"},
    "sp.col.published_as": {"en": "As published", "es": "Como se publicó"},
    "sp.col.approx": {"en": "Hedge in the source", "es": "Matiz de la fuente"},
    "sp.col.school_year": {"en": "School year", "es": "Año escolar"},
    "sp.col.value": {"en": "Figure", "es": "Cifra"},
    "sp.col.basis": {"en": "Kind of figure", "es": "Tipo de cifra"},
    "sp.col.label": {"en": "What the source reports", "es": "Qué informa la fuente"},
    "sp.col.period": {"en": "When (per the source)", "es": "Cuándo (según la fuente)"},
    "sp.col.per_student": {"en": "Per student", "es": "Por estudiante"},
    "sp.col.budget": {"en": "Department budget", "es": "Presupuesto del departamento"},
    "sp.col.budget_source": {"en": "Budget source", "es": "Fuente del presupuesto"},
    "sp.col.students": {"en": "Students", "es": "Estudiantes"},
    "sp.col.scope": {"en": "Enrollment scope", "es": "Alcance de la matrícula"},
    "sp.col.definition": {
        "en": "Enrollment definition (per the source)",
        "es": "Definición de la matrícula (según la fuente)",
    },
    "sp.col.enrollment_source": {"en": "Enrollment source", "es": "Fuente de la matrícula"},
    "sp.col.move": {"en": "Move", "es": "Movimiento"},
    "sp.col.from": {"en": "From", "es": "De"},
    "sp.col.to": {"en": "To", "es": "A"},
    "sp.col.requested": {"en": "Amount asked", "es": "Cantidad pedida"},
    "sp.col.usd_moved": {"en": "Dollars moved (USD)", "es": "Dólares movidos (USD)"},
    "sp.col.fte_from": {"en": "FTE equivalents at the source line", "es": "FTE equivalentes en la línea de origen"},
    "sp.col.fte_to": {"en": "FTE equivalents at the destination line", "es": "FTE equivalentes en la línea de destino"},
    "sp.col.published_usd": {"en": "Published (USD)", "es": "Publicado (USD)"},
    "sp.col.scenario_usd": {"en": "What-if (USD)", "es": "Hipotético (USD)"},
    "sp.col.change_usd": {"en": "Change (USD)", "es": "Cambio (USD)"},
    "sp.col.published_share": {"en": "Published share (%)", "es": "Porcentaje publicado (%)"},
    "sp.col.scenario_share": {"en": "What-if share (%)", "es": "Porcentaje hipotético (%)"},
    "sp.col.fte_change": {"en": "Change in FTE equivalents", "es": "Cambio en FTE equivalentes"},
}
