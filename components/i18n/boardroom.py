"""Words of the board-room features: presenter mode, the saved sequence of views, exports, link notes."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "share.label": {"en": "Copy link to this view", "es": "Copiar el enlace a esta vista"},
    "share.help": {
        "en": "This link reopens this page with its year, filters and open section. Copy it with the button at "
        "the right of the box.",
        "es": "Este enlace vuelve a abrir esta página con su año, sus filtros y su sección abierta. Cópielo con el "
        "botón a la derecha del recuadro.",
    },
    "br.present": {"en": "Presenter mode", "es": "Modo presentación"},
    "br.present_help": {
        "en": "A slide per view for a meeting room: the finding and its chart in large type, no sidebar. The arrow "
        "keys step through the saved sequence of views.",
        "es": "Una diapositiva por vista para una sala de reuniones: el hallazgo y su gráfico en letra grande, sin "
        "barra lateral. Las flechas del teclado recorren la secuencia guardada de vistas.",
    },
    "br.step_n": {"en": "View {n} of {total}", "es": "Vista {n} de {total}"},
    "br.start": {"en": "Start the sequence", "es": "Empezar la secuencia"},
    "br.leave": {"en": "Leave presenter mode", "es": "Salir del modo presentación"},
    "br.no_slide": {
        "en": "This page has no one-chart view for presenting; leave presenter mode to see it.",
        "es": "Esta página no tiene una vista de un gráfico para presentar; salga del modo presentación para verla.",
    },
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
}
