"""Text that every builder shares: numbers and dates by locale, markdown escaping, citations, CSV exports, summaries."""
