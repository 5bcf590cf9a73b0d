"""Vietnamese normalisers: pure functions over plain strings (no Scrapy, no database).

`normalize.text` (clean_text, fold, html_to_text, sanitize_html, content_hash),
`normalize.encoding` (decode_html, fix_legacy_text), `normalize.dates`, `normalize.bylines`,
`normalize.wards` and `normalize.officials`. Import the submodule you need: this package
imports nothing itself, so `import normalize` stays cheap.
"""
