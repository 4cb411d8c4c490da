"""Words of the board-room features: presenter mode, the saved sequence of views, exports, link notes."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "br.present": {"en": "Presenter mode", "es": "Modo presentación"},
    "br.present_help": {
        "en": "Large type, high contrast, one chart per screen, with a short summary under each chart.",
        "es": "Letra grande, alto contraste, un gráfico por pantalla y un resumen breve bajo cada gráfico.",
    },
    "br.step": {"en": "View {n} of {total}: {title}", "es": "Vista {n} de {total}: {title}"},
    "br.not_started": {
        "en": "Saved sequence of {total} views for a meeting.",
        "es": "Secuencia guardada de {total} vistas para una reunión.",
    },
    "br.next": {"en": "Next view", "es": "Vista siguiente"},
    "br.previous": {"en": "Previous view", "es": "Vista anterior"},
    "br.keys": {"en": "Keyboard: → next view, ← previous view.", "es": "Teclado: → vista siguiente, ← vista anterior."},
    "br.sequence_bad": {
        "en": "The saved sequence of views could not be read.",
        "es": "No se pudo leer la secuencia guardada de vistas.",
    },
    "br.view_link": {"en": "View: {url}", "es": "Vista: {url}"},
    "br.summary.mix": {
        "en": "In {year}, school police were {share} of the {total} safety budget.",
        "es": "En {year}, la policía escolar fue el {share} del presupuesto de seguridad de {total}.",
    },
    "br.summary.top": {
        "en": "In {year}, {label} had the most short-term police deployments: {n} of {total}.",
        "es": "En {year}, {label} tuvo más despliegues policiales de corto plazo: {n} de {total}.",
    },
}
