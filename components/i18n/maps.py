"""Words of the maps (components/charts/maps/, components/ui/maps.py): base-map credits, the schools layer, the
2012 board-district lines, safe-passage statuses and locations, the map controls. English and Spanish."""

CATALOG: dict[str, dict[str, str]] = {
    # ---- controls
    "map.zoom_in": {"en": "Zoom map in", "es": "Acercar el mapa"},
    "map.zoom_out": {"en": "Zoom map out", "es": "Alejar el mapa"},
    "map.reset": {"en": "Reset map", "es": "Restablecer el mapa"},
    "map.controls_help": {
        "en": "The mouse wheel scrolls the page, not the map. Zoom with these buttons, a double click (shift + "
        "double click zooms out) or two fingers; drag to move the map; “Reset map” brings back the first view.",
        "es": "La rueda del ratón desplaza la página, no el mapa. Acerque o aleje con estos botones, con doble "
        "clic (mayúsculas + doble clic aleja) o con dos dedos; arrastre para mover el mapa; “Restablecer el "
        "mapa” vuelve a la primera vista.",
    },
    "map.schools.toggle": {
        "en": "Show every school of the state's school directory",
        "es": "Mostrar todas las escuelas del directorio escolar del estado",
    },
    # ---- base map credits (the attribution comes from each file's metadata; licence and vintage in words)
    "map.attr.intro": {
        "en": "Base map, drawn offline from files shipped with the dashboard: {items}.",
        "es": "Mapa base, dibujado sin conexión a partir de archivos incluidos en el tablero: {items}.",
    },
    "map.attr.item": {
        "en": "{layer}: {attribution} ({licence}; {vintage})",
        "es": "{layer}: {attribution} ({licence}; {vintage})",
    },
    "map.layer.neighbourhoods": {"en": "neighbourhoods and cities", "es": "barrios y ciudades"},
    "map.layer.coastline": {"en": "coastline", "es": "línea de costa"},
    "map.layer.place_labels": {"en": "place names", "es": "nombres de lugares"},
    "map.layer.lausd_outline": {
        "en": "LAUSD outline (outer edge of the board district lines of 2013-2022)",
        "es": "contorno de LAUSD (borde exterior de las líneas de los distritos de la junta de 2013-2022)",
    },
    "map.layer.board_district_lines": {
        "en": "LAUSD outline and board district lines of 2013-2022",
        "es": "contorno de LAUSD y líneas de los distritos de la junta de 2013-2022",
    },
    # English = the file's metadata (tests/test_maps_builder.py checks they agree); Spanish = its translation
    "map.licence.neighbourhoods": {
        "en": "CC BY-NC-SA (Los Angeles Times Data Desk)",
        "es": "CC BY-NC-SA (Los Angeles Times Data Desk)",
    },
    "map.licence.coastline": {
        "en": "Los Angeles County GIS terms of use",
        "es": "condiciones de uso de SIG del condado de Los Ángeles",
    },
    "map.licence.place_labels": {
        "en": "CC BY-NC-SA (Los Angeles Times Data Desk)",
        "es": "CC BY-NC-SA (Los Angeles Times Data Desk)",
    },
    "map.licence.board_districts_2012": {
        "en": "City of Los Angeles open data",
        "es": "datos abiertos de la Ciudad de Los Ángeles",
    },
    "map.vintage.neighbourhoods": {"en": "data from 2013", "es": "datos de 2013"},
    "map.vintage.coastline": {
        "en": "not recorded by the publisher; before May 2021",
        "es": "fecha no registrada por quien la publica; anterior a mayo de 2021",
    },
    "map.vintage.place_labels": {"en": "data from 2013", "es": "datos de 2013"},
    "map.vintage.board_districts_2012": {
        "en": "2012 plan, in force 2013-2022",
        "es": "plan de 2012, vigente de 2013 a 2022",
    },
    "map.legend.base": {
        "en": "Background: neighbourhoods and cities of Los Angeles County (thin lines), the coast (blue line), "
        "the outline of LAUSD (dark line) and a few place names. Credits below the map.",
        "es": "Fondo: barrios y ciudades del condado de Los Ángeles (líneas finas), la costa (línea azul), el "
        "contorno de LAUSD (línea oscura) y algunos nombres de lugares. Créditos debajo del mapa.",
    },
    "map.alt.base": {
        "en": "Background: neighbourhoods and cities of Los Angeles County, the coast and the outline of LAUSD.",
        "es": "Fondo: barrios y ciudades del condado de Los Ángeles, la costa y el contorno de LAUSD.",
    },
    # ---- schools layer
    "map.schools.tip_source": {
        "en": "CDE school directory, {month}",
        "es": "Directorio escolar del CDE, {month}",
    },
    "map.schools.charter": {"en": "charter", "es": "chárter"},
    "map.schools.district_run": {"en": "district-run", "es": "del distrito"},
    "map.level.elementary": {"en": "Elementary", "es": "Primaria"},
    "map.level.middle": {"en": "Middle school", "es": "Secundaria (middle school)"},
    "map.level.high": {"en": "High school", "es": "Preparatoria (high school)"},
    "map.level.k12": {"en": "K-12", "es": "K-12"},
    "map.level.special_education": {"en": "Special education", "es": "Educación especial"},
    "map.level.adult": {"en": "Adult education", "es": "Educación para adultos"},
    "map.level.preschool": {"en": "Preschool", "es": "Preescolar"},
    "map.level.other": {
        "en": "Other (alternative, community day, opportunity)",
        "es": "Otra (alternativa, diurna comunitaria, de oportunidad)",
    },
    "map.schools.count": {
        "en": "Schools: {n} active schools in the state directory of {month} ({district} district-run, "
        "{charter} charter), from the California Department of Education. A count of schools in {month}, "
        "not the district's count of sites: schools opened or closed since are missing.",
        "es": "Escuelas: {n} escuelas activas en el directorio estatal de {month} ({district} del distrito, "
        "{charter} chárter), del Departamento de Educación de California. Es un recuento de escuelas de "
        "{month}, no el recuento de sitios del distrito: faltan las escuelas abiertas o cerradas desde entonces.",
    },
    "map.schools.alt": {
        "en": "Small grey dots and rings: the {n} active LAUSD schools of the state school directory of {month}.",
        "es": "Puntos y anillos grises pequeños: las {n} escuelas activas de LAUSD del directorio escolar estatal de "
        "{month}.",
    },
    "map.schools.legend": {
        "en": "Small grey dots (filled): district-run schools; small grey rings (hollow): charter schools. "
        "Point at one for its name.",
        "es": "Puntos grises pequeños (rellenos): escuelas del distrito; anillos grises pequeños (huecos): "
        "escuelas chárter. Señale una para ver su nombre.",
    },
    # ---- 2012 board-district lines
    "map.bd2012.tip": {
        "en": "Board district lines 2013-2022, before the 2022 redistricting (context only: no count is drawn on them)",
        "es": "Líneas de los distritos de la junta 2013-2022, antes de la redistribución de 2022 (solo contexto: "
        "no se dibuja ningún recuento sobre ellas)",
    },
    "map.bd2012.legend": {
        "en": "Dashed grey lines: board district lines 2013-2022, before the 2022 redistricting. Context only: "
        "the counts are by the districts drawn in 2022, whose lines are not published as a file, so the circles "
        "stand at label points and never shade these shapes.",
        "es": "Líneas grises discontinuas: líneas de los distritos de la junta 2013-2022, antes de la "
        "redistribución de 2022. Solo contexto: los recuentos son por los distritos trazados en 2022, cuyas líneas "
        "no se publican como archivo; por eso los círculos están en puntos de etiqueta y nunca sombrean estas "
        "formas.",
    },
    "map.bd2012.alt": {
        "en": "Dashed lines show the board district lines of 2013-2022 (before the 2022 redistricting) as "
        "context; no count is drawn on them.",
        "es": "Las líneas discontinuas muestran las líneas de los distritos de la junta de 2013-2022 (antes de la "
        "redistribución de 2022) como contexto; no se dibuja ningún recuento sobre ellas.",
    },
    # ---- staff campus records located from the directory
    "map.campus.at_directory": {
        "en": "Drawn at the state school directory's location for the record's CDS code.",
        "es": "Dibujado en la ubicación del directorio escolar estatal para el código CDS del registro.",
    },
    "map.campus.at_record": {
        "en": "Drawn at the coordinates written in the record.",
        "es": "Dibujado en las coordenadas escritas en el registro.",
    },
    # ---- safe-passage statuses: what a source reported, in its year
    "map.sp.running": {"en": "reported running in {year}", "es": "en marcha según un informe de {year}"},
    "map.sp.running_undated": {"en": "reported running (undated)", "es": "en marcha según un informe sin fecha"},
    "map.sp.ended": {"en": "reported ended in {year}", "es": "terminado según un informe de {year}"},
    "map.sp.ended_undated": {"en": "reported ended (undated)", "es": "terminado según un informe sin fecha"},
    "map.sp.proposed": {"en": "proposed in {year}", "es": "propuesto en {year}"},
    "map.sp.proposed_undated": {"en": "proposed (undated)", "es": "propuesto (sin fecha)"},
    "map.sp.unknown": {
        "en": "status unknown (last report {year})",
        "es": "estado desconocido (último informe de {year})",
    },
    "map.sp.unknown_undated": {"en": "status unknown", "es": "estado desconocido"},
    "map.sp.now_unknown": {"en": "status now unknown", "es": "estado actual desconocido"},
    "map.sp.shape.running": {"en": "reported running", "es": "en marcha según un informe"},
    "map.sp.shape.ended": {"en": "reported ended", "es": "terminado según un informe"},
    "map.sp.shape.proposed": {"en": "proposed", "es": "propuesto"},
    "map.sp.shape.unknown": {"en": "status unknown", "es": "estado desconocido"},
    "map.sp.legend": {
        "en": "{shapes} — each with the year of the report it rests on; a status reported years ago is not a "
        "status today (“status now unknown”). {hall} 2024 safety town hall. {roster} row of a district-supplied "
        "roster (not published), labelled “Roster:”.",
        "es": "{shapes} — cada uno con el año del informe en que se basa; un estado informado hace años no es un "
        "estado actual (“estado actual desconocido”). {hall} asamblea de seguridad de 2024. {roster} fila de una "
        "lista entregada por el distrito (no publicada), con la etiqueta “Lista:”.",
    },
    "map.sp.group": {"en": "{n} schools (zoom in for names)", "es": "{n} escuelas (acerque para ver nombres)"},
    "map.sp.group_short": {"en": "{n} schools", "es": "{n} escuelas"},
    "map.sp.group_area": {
        "en": "{area}: {n} schools (zoom in for names)",
        "es": "{area}: {n} escuelas (acerque para ver nombres)",
    },
    "map.sp.caption": {
        "en": "{drawn} of {total} named safe-passage sites are drawn, {directory} of them at the state school "
        "directory's location (CDE, {month}) of the school a reviewed match names; {halls} of {halls_total} "
        "town-hall schools likewise. Nothing is geocoded or guessed; every site is in the table below.",
        "es": "Se dibujan {drawn} de {total} sitios de pasos seguros con nombre, {directory} de ellos en la "
        "ubicación del directorio escolar estatal (CDE, {month}) de la escuela que nombra una "
        "correspondencia revisada; {halls} de {halls_total} escuelas de asambleas, igual. Nada se geocodifica "
        "ni se adivina; todos los sitios están en la tabla de abajo.",
    },
    "map.sp.caption_source": {
        "en": "{n} at the coordinates a source gives.",
        "es": "{n} en las coordenadas que da una fuente.",
    },
    "map.sp.missing": {"en": "Not drawn: {items}.", "es": "Sin dibujar: {items}."},
    "map.sp.missing_area": {
        "en": "{n} that name an area, not a school",
        "es": "{n} que nombran una zona, no una escuela",
    },
    "map.sp.missing_match": {
        "en": "{n} whose school has no reviewed match in the directory",
        "es": "{n} cuya escuela no tiene una correspondencia revisada en el directorio",
    },
    "map.sp.alt": {
        "en": "Map of named safe-passage sites: {drawn} of {total} have a location and are drawn: {names}.",
        "es": "Mapa de sitios de pasos seguros con nombre: {drawn} de {total} tienen ubicación y se dibujan: {names}.",
    },
    "map.sp.keyboard": {
        "en": "Keyboard and screen readers: the table below lists every site with its status, how it was located "
        "and its source; the map's text alternative is above.",
        "es": "Teclado y lectores de pantalla: la tabla de abajo enumera cada sitio con su estado, cómo se ubicó y "
        "su fuente; la alternativa en texto del mapa está arriba.",
    },
    "map.sites.no_school": {
        "en": "not drawn: names an area, not a school",
        "es": "sin dibujar: nombra una zona, no una escuela",
    },
    "map.sites.no_match": {
        "en": "not drawn: no reviewed match in the state directory and no source gives coordinates",
        "es": "sin dibujar: sin correspondencia revisada en el directorio estatal y ninguna fuente da coordenadas",
    },
    "map.col.status_reported": {"en": "Status reported (when)", "es": "Estado informado (cuándo)"},
    # ---- how a point was located
    "map.located.directory": {
        "en": "Location: state school directory (CDE, {month}), row “{name}” ({match}; reviewed match)",
        "es": "Ubicación: directorio escolar estatal (CDE, {month}), fila “{name}” ({match}; correspondencia revisada)",
    },
    "map.located.source": {"en": "Location: {source}", "es": "Ubicación: {source}"},
    "map.located.none": {"en": "no location", "es": "sin ubicación"},
    "map.match.exact_name": {"en": "same name", "es": "mismo nombre"},
    "map.match.normalized_name": {
        "en": "same school, name written differently",
        "es": "misma escuela, nombre escrito de otra forma",
    },
    "map.match.same_school_renamed": {"en": "same school, renamed", "es": "misma escuela, con otro nombre"},
    "map.match.campus_of": {
        "en": "same campus, now another school",
        "es": "mismo plantel, ahora otra escuela",
    },
    # ---- town halls
    "map.hall.tip": {
        "en": "{school}: 2024 safety town hall, {region} region, {date}",
        "es": "{school}: asamblea de seguridad de 2024, región {region}, {date}",
    },
    "map.hall.short": {"en": "2024 town hall", "es": "asamblea de 2024"},
    "map.hall.alt": {
        "en": "Also {n} schools of the 2024 safety town halls: {names}.",
        "es": "Además, {n} escuelas de las asambleas de seguridad de 2024: {names}.",
    },
}
