"""Words of the staff page (pages/staff.py), English and Spanish. Merged into components.i18n.CATALOG."""

CATALOG: dict[str, dict[str, str]] = {
    "staff.nav": {"en": "Staff: publish data", "es": "Personal: publicar datos"},
    "staff.title": {"en": "Publish new figures", "es": "Publicar cifras nuevas"},
    "staff.intro": {
        "en": "Upload a CSV file for one table (for example next year's budget lines or deployment counts). It is "
        "checked with the same rules as the published data, you see what would change, and nothing is "
        "published until you confirm. Every published version is kept and can be restored.",
        "es": "Suba un archivo CSV para una tabla (por ejemplo, las líneas del presupuesto o los despliegues del "
        "próximo año). Se revisa con las mismas reglas que los datos publicados, usted ve qué cambiaría y "
        "nada se publica hasta que lo confirme. Cada versión publicada se guarda y se puede restaurar.",
    },
    "staff.unavailable": {"en": "This page is not available.", "es": "Esta página no está disponible."},
    # ---- sign-in
    "staff.password": {"en": "Staff password", "es": "Contraseña del personal"},
    "staff.sign_in": {"en": "Sign in", "es": "Entrar"},
    "staff.wrong_password": {"en": "That password is not correct.", "es": "La contraseña no es correcta."},
    "staff.too_many": {
        "en": "Too many failed attempts. Sign-in is paused; try again in about {minutes} minute(s).",
        "es": "Demasiados intentos fallidos. El acceso está en pausa; vuelva a intentarlo en unos {minutes} minuto(s).",
    },
    "staff.outdated_password": {
        "en": "The staff password is configured in an old, weak form (password_sha256), which is no longer "
        "accepted. An administrator makes a new hash with `python -m data.staff_password` and puts the line it "
        'prints, password_hash = "…", in .streamlit/secrets.toml instead.',
        "es": "La contraseña del personal está configurada en una forma antigua y débil (password_sha256), que ya no "
        "se acepta. Un administrador crea un hash nuevo con `python -m data.staff_password` y pone la línea que "
        'imprime, password_hash = "…", en .streamlit/secrets.toml en su lugar.',
    },
    "staff.client_unknown": {
        "en": "Your address could not be determined, so failed attempts count against the limit shared by everyone "
        "whose address is unknown.",
        "es": "No se pudo determinar su dirección, así que los intentos fallidos cuentan contra el límite que "
        "comparten todas las personas cuya dirección se desconoce.",
    },
    "staff.sign_in_unavailable": {
        "en": "Sign-in is not available right now: {reason}. Ask an administrator.",
        "es": "El acceso no está disponible ahora: {reason}. Consulte a un administrador.",
    },
    "staff.login_button": {"en": "Sign in with the district account", "es": "Entrar con la cuenta del distrito"},
    "staff.not_allowed": {
        "en": "The account {email} may not publish data.",
        "es": "La cuenta {email} no puede publicar datos.",
    },
    "staff.sign_out": {"en": "Sign out", "es": "Salir"},
    "staff.signed_in": {"en": "Signed in as {who}.", "es": "Sesión iniciada como {who}."},
    # ---- publish
    "staff.tab_publish": {"en": "Publish a table", "es": "Publicar una tabla"},
    "staff.tab_history": {"en": "Versions and restore", "es": "Versiones y restaurar"},
    "staff.table": {"en": "Table", "es": "Tabla"},
    "staff.mode": {"en": "What the file holds", "es": "Qué contiene el archivo"},
    "staff.mode.replace": {
        "en": "The complete new table (replaces the published one)",
        "es": "La tabla completa nueva (reemplaza la publicada)",
    },
    "staff.mode.upsert": {
        "en": "New or corrected rows (other published rows stay)",
        "es": "Filas nuevas o corregidas (las demás filas publicadas se mantienen)",
    },
    "staff.upload": {"en": "CSV file (UTF-8, at most 5 MB)", "es": "Archivo CSV (UTF-8, máximo 5 MB)"},
    "staff.checking": {
        "en": "Checking the file with the rules of the published data…",
        "es": "Revisando el archivo con las reglas de los datos publicados…",
    },
    "staff.columns": {"en": "Columns, in this order: {columns}", "es": "Columnas, en este orden: {columns}"},
    "staff.problems": {
        "en": "This file cannot be published: {n} problem(s). Nothing was changed. Fix them and upload it again.",
        "es": "Este archivo no se puede publicar: {n} problema(s). No se cambió nada. Corríjalos y súbalo de nuevo.",
    },
    "staff.col.file": {"en": "File", "es": "Archivo"},
    "staff.col.row": {"en": "Row", "es": "Fila"},
    "staff.col.column": {"en": "Column", "es": "Columna"},
    "staff.col.problem": {"en": "Problem", "es": "Problema"},
    "staff.col.change": {"en": "Change", "es": "Cambio"},
    "staff.valid": {
        "en": "The file is valid: {added} row(s) added, {changed} changed, {removed} removed.",
        "es": "El archivo es válido: {added} fila(s) agregada(s), {changed} cambiada(s), {removed} eliminada(s).",
    },
    "staff.no_change": {
        "en": "This file makes no change to the published data.",
        "es": "Este archivo no cambia los datos publicados.",
    },
    "staff.added": {"en": "Rows added", "es": "Filas agregadas"},
    "staff.changed": {"en": "Rows changed (before → after)", "es": "Filas cambiadas (antes → después)"},
    "staff.removed": {"en": "Rows removed", "es": "Filas eliminadas"},
    "staff.who": {
        "en": "Your name (kept in the version history)",
        "es": "Su nombre (se guarda en el historial de versiones)",
    },
    "staff.note": {"en": "Note (optional)", "es": "Nota (opcional)"},
    "staff.publish_button": {"en": "Publish these changes", "es": "Publicar estos cambios"},
    "staff.need_who": {"en": "Enter your name before publishing.", "es": "Escriba su nombre antes de publicar."},
    "staff.published": {
        "en": "Published as version {version} ({seconds} s). The dashboard shows it now.",
        "es": "Publicado como versión {version} ({seconds} s). El tablero ya lo muestra.",
    },
    "staff.refused": {"en": "Not published: {reason}", "es": "No se publicó: {reason}"},
    # ---- history
    "staff.history_empty": {
        "en": "No version has been published through this page yet.",
        "es": "Todavía no se ha publicado ninguna versión desde esta página.",
    },
    "staff.h.id": {"en": "Version", "es": "Versión"},
    "staff.h.at": {"en": "When (UTC)", "es": "Cuándo (UTC)"},
    "staff.h.action": {"en": "What", "es": "Qué"},
    "staff.h.who": {"en": "Who", "es": "Quién"},
    "staff.h.table": {"en": "Table", "es": "Tabla"},
    "staff.h.summary": {"en": "Changes", "es": "Cambios"},
    "staff.h.current": {"en": "Live now", "es": "Publicada ahora"},
    "staff.action.publish": {"en": "publish", "es": "publicación"},
    "staff.action.restore": {"en": "restore", "es": "restauración"},
    "staff.action.baseline": {"en": "data found on disk", "es": "datos encontrados en disco"},
    "staff.restore_pick": {"en": "Version to restore", "es": "Versión a restaurar"},
    "staff.restore_preview": {"en": "Restoring it changes: {summary}", "es": "Restaurarla cambia: {summary}"},
    "staff.restore_same": {
        "en": "This version is the one published now.",
        "es": "Esta versión es la que está publicada ahora.",
    },
    # ---- the audit log
    "staff.tab_imports": {"en": "Boundaries and campus records", "es": "Límites y registros por plantel"},
    "staff.tab_audit": {"en": "Sign-in and publish log", "es": "Registro de accesos y publicaciones"},
    "staff.audit_intro": {
        "en": "Every sign-in attempt and every publish and restore, newest first (times in UTC). Also: "
        "`python -m data.staff_state`.",
        "es": "Cada intento de acceso y cada publicación y restauración, del más reciente al más antiguo (horas en "
        "UTC). También: `python -m data.staff_state`.",
    },
    "staff.audit_empty": {"en": "Nothing has been logged yet.", "es": "Todavía no hay nada registrado."},
    "staff.audit_unavailable": {
        "en": "The log cannot be read: {reason}.",
        "es": "No se puede leer el registro: {reason}.",
    },
    "staff.a.at": {"en": "When (UTC)", "es": "Cuándo (UTC)"},
    "staff.a.who": {"en": "Who", "es": "Quién"},
    "staff.a.client": {"en": "From where", "es": "Desde dónde"},
    "staff.a.action": {"en": "What", "es": "Qué"},
    "staff.a.outcome": {"en": "Outcome", "es": "Resultado"},
    "staff.a.detail": {"en": "Details", "es": "Detalles"},
    "staff.log.sign_in": {"en": "sign-in", "es": "acceso"},
    "staff.log.publish": {"en": "publish", "es": "publicación"},
    "staff.log.restore": {"en": "restore", "es": "restauración"},
    "staff.log.success": {"en": "signed in", "es": "acceso concedido"},
    "staff.log.wrong_password": {"en": "wrong password", "es": "contraseña incorrecta"},
    "staff.log.locked": {"en": "refused: too many attempts", "es": "rechazado: demasiados intentos"},
    "staff.log.not_allowed": {"en": "account not allowed", "es": "cuenta no autorizada"},
    "staff.log.done": {"en": "done", "es": "hecho"},
    "staff.log.refused": {"en": "refused", "es": "rechazado"},
    # ---- the database the site serves
    "staff.health.kept_csv": {
        "en": "The site is serving the previous database: the published CSV files have problems, so the new data "
        "was not built. {details}",
        "es": "El sitio muestra la base de datos anterior: los archivos CSV publicados tienen problemas, así que los "
        "datos nuevos no se generaron. {details}",
    },
    "staff.health.kept_read_only": {
        "en": "The site is serving the previous database: the CSV files are newer, but the data folder cannot be "
        "written (read-only), so the database could not be rebuilt. Make the folder writable and restart.",
        "es": "El sitio muestra la base de datos anterior: los archivos CSV son más nuevos, pero la carpeta de datos "
        "no se puede escribir (solo lectura), así que la base de datos no se pudo regenerar. Haga la carpeta "
        "escribible y reinicie.",
    },
    "staff.health.elsewhere": {
        "en": "The database file was damaged and its folder is read-only: the site is serving a copy rebuilt from "
        "the CSV files at {path}. Make the data folder writable and restart.",
        "es": "El archivo de la base de datos estaba dañado y su carpeta es de solo lectura: el sitio muestra una "
        "copia regenerada a partir de los CSV en {path}. Haga la carpeta de datos escribible y reinicie.",
    },
    "staff.health.from_history": {
        "en": "The database file was damaged and the CSV files have problems: the site is serving the newest good "
        "version from the history. {details}",
        "es": "El archivo de la base de datos estaba dañado y los archivos CSV tienen problemas: el sitio muestra la "
        "versión buena más reciente del historial. {details}",
    },
    "staff.restore_button": {"en": "Restore this version", "es": "Restaurar esta versión"},
    "staff.restored": {
        "en": "Version {old} is published again, as version {version}.",
        "es": "La versión {old} está publicada de nuevo, como versión {version}.",
    },
    "staff.summary_item": {
        "en": "{table}: {added} added, {changed} changed, {removed} removed",
        "es": "{table}: {added} agregadas, {changed} cambiadas, {removed} eliminadas",
    },
}
