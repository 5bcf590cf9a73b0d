"""Prototype of a fast newest-first search (see bench/RESULTS.md, "Search at 1M").

Routing on a capped probe: count at most PROBE matches straight from the FTS index. Under
the cap the count is exact and the few matching rows are fetched by rowid and sorted; at
the cap the query is common, so the published_at index is walked newest first and each
row is checked against the FTS index (one rowid lookup), stopping when the page is full.
The total of a common query comes from a count capped at CAP matches, extrapolated over
the rowid range when the cap is hit, and flagged `total_is_estimate`.
"""

PROBE = 5000
CAP = 20000

COLUMNS = "a.url, a.title, a.published_at, a.ward, a.district, a.author, a.category, a.source"

NEWEST_SQL = f"""
with probe as materialized (
  select count(*) as n from (
    select rowid from articles_fts where articles_fts match escape_fts(:q) limit {PROBE})
),
capped as materialized (
  select count(*) as n, max(rowid) as last from (
    select rowid from articles_fts where articles_fts match escape_fts(:q) limit {CAP})
),
hits as (
  select {COLUMNS} from articles a
  where a.rowid in (
    select rowid from articles_fts
    -- matches nothing ('""') when the query is common: the list then costs nothing
    where articles_fts match (
      case when (select n from probe) < {PROBE} then escape_fts(:q) else '""' end))
  union all
  select * from (
    select {COLUMNS} from articles a
    -- an empty index range unless the query is common: the walk then costs nothing
    where a.published_at <= (case when (select n from probe) >= {PROBE} then '9999' else '' end)
      and exists (select 1 from articles_fts f where f.rowid = a.rowid
                  and f.articles_fts match escape_fts(:q))
    order by a.published_at desc limit 50)
)
select hits.*,
  case when capped.n < {CAP} then capped.n
       else cast(capped.n * 1.0 * (select max(rowid) from articles) / capped.last as integer)
  end as total,
  capped.n >= {CAP} as total_is_estimate
from hits, capped
order by hits.published_at desc
limit 50
"""
