"""What is wrong with a staff file, in Spanish: one entry per message code of data/messages.py (the English is
taken from there, so the two never drift). Merged into components.i18n.CATALOG as "problem.<code>"."""

from data.messages import MESSAGES

SPANISH: dict[str, str] = {
    "file.missing": "no existe ese archivo",
    "file.link": "es un enlace a otro archivo; indique el archivo mismo",
    "file.folder": "es una carpeta, no un archivo",
    "file.pipe": "es una tubería o un socket, no un archivo; guarde los datos en un archivo e indique ese",
    "file.device": "es un dispositivo, no un archivo",
    "file.not_regular": "no es un archivo común",
    "file.denied": "no se puede leer: permiso denegado",
    "file.unreadable": "no se puede leer ({reason})",
    "file.too_big": "pesa más de {limit}; compruebe que es el archivo correcto",
    "file.too_slow": "no se pudo leer en {seconds} segundos; no se cambió nada",
    "check.too_slow": (
        "la revisión tardó más de {seconds} segundos (se detuvo en la fila {at_row}); divida el archivo en otros más "
        "pequeños"
    ),
    "file.empty": "está vacío (0 bytes): necesita una fila de encabezado y al menos una fila de datos",
    "file.blank": "no tiene contenido (solo espacios o líneas vacías): necesita una fila de encabezado",
    "file.utf16": "está guardado como texto UTF-16; guárdelo de nuevo como 'CSV UTF-8'",
    "file.workbook": "es un libro de hoja de cálculo (Excel), no un archivo CSV; use 'Guardar como… CSV UTF-8'",
    "file.nul": "contiene un byte NUL: no es un archivo de texto CSV",
    "file.not_utf8": "no es texto UTF-8 (byte 0x{byte} en la posición {position}). Guárdelo de nuevo como 'CSV UTF-8'",
    "file.not_utf8_cp1252": (
        "no es texto UTF-8 (byte 0x{byte} en la posición {position}). Parece Windows-1252/Latin-1 (una exportación "
        "'CSV' antigua de Excel). Guárdelo de nuevo como 'CSV UTF-8'"
    ),
    "file.bad_csv": "no es un archivo CSV bien formado: {reason}",
    "file.bad_csv_quote": "no es un archivo CSV bien formado: probablemente unas comillas que nunca se cierran",
    "file.too_many_rows": "tiene {rows:,} filas de datos; el límite es {limit:,}",
    "file.no_rows": "tiene una fila de encabezado pero ninguna fila de datos",
    "file.no_header": "está vacío: necesita una fila de encabezado",
    "note.bom": "El archivo empezaba con una marca de orden de bytes (de una hoja de cálculo); se quitó.",
    "note.crlf": "Los finales de línea de Windows (CRLF) se convirtieron en saltos de línea simples.",
    "header.mismatch": "la fila de encabezado no coincide con la tabla: {detail}. Se esperaba: {expected}",
    "header.missing": "faltan columnas: {names}",
    "header.unknown": "columnas desconocidas: {names}",
    "header.order": "las columnas están en otro orden",
    "header.twice": "el encabezado nombra esta columna dos veces",
    "header.cell_empty": "la celda {n} del encabezado está vacía; cada columna necesita un nombre",
    "header.cell_bad": "la celda {n} del encabezado {why}",
    "row.empty": "es una línea vacía; quítela",
    "row.cells": "tiene {cells} celdas pero el encabezado tiene {expected} (revise si hay una coma sin comillas)",
    "text.too_long": "tiene {length:,} caracteres; el límite es {limit:,} caracteres",
    "text.line_break": "tiene un salto de línea dentro de la celda; escriba el texto en una sola línea",
    "text.control": "contiene un carácter de control invisible; vuelva a escribir la celda",
    "text.invisible": "contiene un carácter invisible (de ancho cero o de dirección del texto); vuelva a escribir la celda",
    "text.formula": (
        "empieza con '{first}', así que una hoja de cálculo lo ejecutaría como fórmula ('{text}'); publique solo "
        "valores simples"
    ),
    "text.markup": "contiene marcado HTML o de script ('{found}'); escriba texto simple",
    "text.empty": "está vacía, pero esta columna necesita un valor",
    "number.format": (
        "'{text}' no es un número escrito con los dígitos 0-9 y como máximo un punto decimal (sin comas, $, "
        "espacios, exponentes ni otros caracteres)"
    ),
    "number.whole": "'{text}' no es un número entero (solo dígitos, sin comas, $, espacios ni punto decimal)",
    "number.too_long": "'{text}' tiene {length} caracteres; una cifra aquí tiene como máximo {limit}",
    "number.negative": "'{text}' es negativo; {unit} aquí no puede ser menor que {min}",
    "number.range": "{text} está fuera del rango permitido para {unit}: de {min} a {max} ({why})",
    "number.decimals": (
        "{text} tiene {found} decimales; {unit} aquí admite como máximo {decimals}. Escriba la cifra exactamente "
        "como se publicó, sin dígitos de más: nunca se redondea"
    ),
    "bool.value": "'{text}' debe ser true o false",
    "date.format": "'{text}' no es una fecha escrita AAAA-MM-DD (con los dígitos 0-9)",
    "date.real": "'{text}' no es una fecha real del calendario",
    "date.range": "{text} está fuera de las fechas permitidas aquí: de {min} a {max} ({why})",
    "school_year.format": (
        "'{text}' no es un año escolar escrito como AAAA-AA (cuatro dígitos, un guion y los dos últimos dígitos del "
        "año siguiente)"
    ),
    "school_year.future": "'{text}' está en el futuro: el último año escolar que se puede publicar ahora es {latest}",
    "rule.allowed": "'{text}' no es uno de los valores permitidos: {allowed}",
    "rule.pattern": "'{text}' no está escrito como lo necesita esta columna: {pattern}",
    "rule.not_negative": "no puede ser negativo (el dinero y los conteos empiezan en cero)",
    "rule.empty_text": "está vacía o solo tiene espacios; escriba un valor",
    "rule.together": "no cumple una regla de esta tabla: {rule}",
    "rule.reference": "'{text}' no existe en {table}, a la que apunta esta columna",
    "rule.reference_source": (
        "'{text}' no existe en {table}, a la que apunta esta columna: agregue primero el documento a sources.csv "
        "(publique la tabla sources)"
    ),
    "rule.duplicate": "repite una clave que ya usa una fila anterior",
    "rule.refused": "las filas de este archivo no se pudieron guardar juntas ({detail})",
    "rule.key_repeated": "repite la clave ({shown}) de la fila {first}",
    "build.no_rows": "no tiene filas; el tablero las necesita",
    "build.no_category": (
        "la línea del presupuesto '{line_id}' no tiene categoría de gasto: publique primero su fila en "
        "budget_line_categories"
    ),
    "build.after_upload": "después de esta carga: {message}",
    "build.file_missing": "falta el archivo",
    "proof.query_failed": (
        "la consulta de página '{query}' falla con los datos nuevos ({where}): {reason}. No se publicó nada; el "
        "sitio conserva los datos que tiene"
    ),
    "proof.not_finite": (
        "la consulta de página '{query}' da un valor que no es un número finito en la columna '{column}' ({where}). "
        "No se publicó nada; el sitio conserva los datos que tiene"
    ),
    "proof.table_failed": "la tabla {table} no se puede leer de la base de datos nueva ({reason})",
    "proof.sum_failed": (
        "las cifras de la columna '{column}' de {table} no se pueden sumar ({reason}): un valor es demasiado "
        "grande. No se publicó nada"
    ),
    "proof.hook_failed": "una revisión de los datos nuevos los rechazó: {reason}",
    "proof.unknown_parameter": "la consulta de página '{query}' usa un valor ${name} que ninguna tabla contiene",
    "publish.table_unknown": "'{stem}' no es una tabla publicada; elija una de: {choices}",
    "publish.mode_unknown": "modo desconocido '{mode}' (use replace o upsert)",
    "publish.no_key": (
        "esta tabla no tiene clave, así que las filas no se pueden emparejar; use el modo 'replace' con la tabla "
        "completa"
    ),
    "storage.full": "no se pudo escribir: el disco está lleno",
    "storage.read_only": "no se pudo escribir: su carpeta es de solo lectura",
    "storage.failed": "no se pudo escribir ({reason})",
}

CATALOG: dict[str, dict[str, str]] = {
    f"problem.{code}": {"en": english, "es": SPANISH.get(code, "")} for code, english in MESSAGES.items()
}
