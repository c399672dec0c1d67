-- A move to a site names a site that exists. displacement_event.to_site arrived before the sites
-- table (0001, then 0003); the API checks it too and answers 422 naming the field.
ALTER TABLE displacement_event ADD CONSTRAINT displacement_event_to_site_fkey FOREIGN KEY (to_site) REFERENCES site(id);
