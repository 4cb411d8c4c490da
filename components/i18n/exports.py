"""Words of the exports a reader takes away: stamped chart images and the meeting packet (PDF)."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "export.name": {"en": "LAUSD school-safety dashboard", "es": "Panel de seguridad escolar de LAUSD"},
    "export.year": {"en": "School year {year}", "es": "Año escolar {year}"},
    "export.years": {"en": "School years {first} to {last}", "es": "Años escolares {first} a {last}"},
    "export.png": {"en": "Download image (PNG)", "es": "Descargar imagen (PNG)"},
    "export.png_help": {
        "en": "The chart with its title, school year, source and the dashboard's name drawn on it, for a slide.",
        "es": "El gráfico con su título, año escolar, fuente y el nombre del panel, listo para una diapositiva.",
    },
    "export.unavailable": {
        "en": "Image export is unavailable on this server (it needs Chromium; see the README).",
        "es": "La exportación de imágenes no está disponible en este servidor (necesita Chromium; vea el README).",
    },
    "export.packet.page": {
        "en": "Meeting packet (PDF) of this view",
        "es": "Paquete para la reunión (PDF) de esta vista",
    },
    "export.packet.sequence": {
        "en": "Meeting packet (PDF) of the {n} saved views",
        "es": "Paquete para la reunión (PDF) de las {n} vistas guardadas",
    },
    "export.packet.short": {"en": "Packet (PDF)", "es": "Paquete (PDF)"},
    "export.packet.help": {
        "en": "A PDF to print or share: each view's finding, its chart, its source and the link that reopens it. "
        "It is made when you press the button (a few seconds).",
        "es": "Un PDF para imprimir o compartir: el hallazgo de cada vista, su gráfico, su fuente y el enlace que "
        "la vuelve a abrir. Se prepara al pulsar el botón (unos segundos).",
    },
    "export.packet.title": {"en": "Meeting packet", "es": "Paquete para la reunión"},
    "export.packet.views": {"en": "The views in this packet", "es": "Las vistas de este paquete"},
    "export.packet.made": {"en": "Made {date}", "es": "Preparado el {date}"},
    "export.packet.version": {
        "en": "Data version {fingerprint} (database built {built})",
        "es": "Versión de los datos {fingerprint} (base de datos creada el {built})",
    },
    "export.packet.version_unknown": {"en": "Data version not recorded", "es": "Versión de los datos no registrada"},
    "export.packet.page_n": {"en": "Page {n} of {total}", "es": "Página {n} de {total}"},
    "export.packet.open": {"en": "Reopen this view:", "es": "Volver a abrir esta vista:"},
    "export.packet.no_chart": {
        "en": "This view has no one-chart summary; its link below opens it with its maps and tables.",
        "es": "Esta vista no tiene un resumen de un gráfico; el enlace de abajo la abre con sus mapas y tablas.",
    },
    "export.packet.no_image": {
        "en": "The chart's image could not be made on this server (image export needs Chromium). "
        "The data follows, and the link opens the chart.",
        "es": "No se pudo crear la imagen del gráfico en este servidor (la exportación necesita Chromium). "
        "Siguen los datos, y el enlace abre el gráfico.",
    },
    "export.packet.data": {"en": "The data behind the chart", "es": "Los datos del gráfico"},
    "export.packet.columns_left": {
        "en": "Columns left out here (in the view's CSV): {names}.",
        "es": "Columnas que aquí se omiten (están en el CSV de la vista): {names}.",
    },
    "export.packet.same": {
        "en": "The same in every row: {items}.",
        "es": "Igual en todas las filas: {items}.",
    },
}
