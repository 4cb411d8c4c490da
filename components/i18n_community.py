"""Words of the Community-based safety page (pages/community_safety.py), English and Spanish. Merged into components.i18n.CATALOG."""

CATALOG: dict[str, dict[str, str]] = {
}
