-- purpose: a covering index for the case list, so unlocking reads the list without decrypting every case body
CREATE INDEX cases_list ON cases (updated_at, id, case_number, family_name, given_names, aliases, a_number, status, revision, search_text);
