-- A party's rows must belong to that party in every column that says so, not only in party_code: without these
-- checks a Karlskrona transaction could write a handling row claiming Karlskrona for Ronneby's inbox item (and so
-- block Ronneby's own handling), or an answer for another party's committee. The subqueries on inbox_item run under
-- its own row-level security, so they see only the writing party's items.

DROP POLICY inbox_item_deliver ON inbox_item;
CREATE POLICY inbox_item_deliver ON inbox_item FOR INSERT
    WITH CHECK (party_code = (SELECT p.code FROM committee c JOIN party p ON p.id = c.party_id WHERE c.id = committee_id));

DROP POLICY inbox_handling_own ON inbox_handling;
CREATE POLICY inbox_handling_own ON inbox_handling
    USING (party_code = current_setting('samverkan.party', true))
    WITH CHECK (party_code = current_setting('samverkan.party', true)
                AND EXISTS (SELECT 1 FROM inbox_item i WHERE i.id = item_id AND i.party_code = inbox_handling.party_code));

DROP POLICY answer_insert ON recommendation_answer;
CREATE POLICY answer_insert ON recommendation_answer FOR INSERT
    WITH CHECK (party_code = current_setting('samverkan.party', true)
                AND party_code = (SELECT p.code FROM committee c JOIN party p ON p.id = c.party_id WHERE c.id = committee_id));
DROP POLICY answer_update ON recommendation_answer;
CREATE POLICY answer_update ON recommendation_answer FOR UPDATE
    USING (party_code = current_setting('samverkan.party', true) AND state = 'DRAFT')
    WITH CHECK (party_code = current_setting('samverkan.party', true)
                AND party_code = (SELECT p.code FROM committee c JOIN party p ON p.id = c.party_id WHERE c.id = committee_id));
