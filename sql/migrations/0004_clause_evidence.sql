-- Since tagger tag-3 a sentence that reports two acts (a strike and the rocket fire it answered) gives two
-- events, each with the clause it was read from as evidence; a one-event sentence still gives the sentence.
comment on column events.evidence is 'The text the event was read from: its sentence, or the clause of it that reports this act when one sentence reports several.';
