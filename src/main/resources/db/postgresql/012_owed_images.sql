-- Imported articles whose featured image (a WordPress attachment) was not among the attachments
-- known when they were written: their site was exported in parts and its Media part came later.
-- A later import that brings the attachment gives the article its image and drops the row.

CREATE TABLE imported_images_owed (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source_id  BIGINT NOT NULL
);
