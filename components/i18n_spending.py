"""Words of the Spending page (pages/spending.py), English and Spanish. Merged into components.i18n.CATALOG."""

CATALOG: dict[str, dict[str, str]] = {
}
