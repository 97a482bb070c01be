-- The articles that reported each listed incident (title, link, outlet), oldest first.
select ia.incident_id, a.title, a.url, coalesce(s.name, a.source) as source, a.published_at
from report_incident_articles ia
join articles a using (article_id)
left join sources s on s.source = a.source
where list_contains($ids, ia.incident_id)
order by ia.incident_id, a.published_at nulls last, a.url
