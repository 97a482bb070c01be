-- Which feeds need attention: every feed, failing and rarely successful ones first, with the last error.
select state, source, feed_url, consecutive_failures, last_error, success_rate, n_fetches,
       next_fetch_at, entries_seen, n_articles, last_new_article_at
from feed_health
order by state = 'ok', consecutive_failures desc, success_rate nulls first, n_articles, feed_url;
