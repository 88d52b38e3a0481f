-- AGR-03: a matter may amend a county's collaboration agreement; its decision then needs every party to the agreement.
ALTER TABLE matter ADD COLUMN amends_agreement uuid REFERENCES agreement;
ALTER TABLE decision ADD COLUMN amends_agreement uuid REFERENCES agreement;
