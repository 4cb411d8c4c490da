"""Words of the Deployments page (pages/deployments.py), English and Spanish. Merged into components.i18n.CATALOG."""

CATALOG: dict[str, dict[str, str]] = {
}
