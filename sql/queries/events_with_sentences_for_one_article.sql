-- Every event with the sentence it came from for one article (here the latest article that has events;
-- put an article_id in `one` for another), checking that the offsets point at that sentence.
with one as (
    select article_id from current_events order by published_at desc, article_id limit 1
)
select a.title, e.event_type, e.actor1, e.actor2, coalesce(e.place, e.admin1, e.country_iso) as location,
       e.event_date, e.killed, e.injured, e.evidence_start, e.evidence,
       substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) = e.evidence as offsets_match
from current_events e
join articles a using (article_id)
where e.article_id = (select article_id from one)
order by e.evidence_start, e.event_type;
