-- The text-search configuration of an article's language (its primary subtag); immutable so that
-- the generated column and its index may use it (the configurations named are built in).
CREATE FUNCTION help_article_config(language TEXT) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE lower(split_part(language, '-', 1))
    WHEN 'de' THEN 'pg_catalog.german' WHEN 'en' THEN 'pg_catalog.english'
    WHEN 'fr' THEN 'pg_catalog.french' WHEN 'es' THEN 'pg_catalog.spanish'
    ELSE 'pg_catalog.simple' END)::regconfig
$$;

-- Title and keywords weigh more than the body when matches are ranked.
CREATE FUNCTION help_article_document(language TEXT, title TEXT, keywords TEXT[], body TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(help_article_config(language), title), 'A')
      || setweight(to_tsvector(help_article_config(language), array_to_string(keywords, ' ')), 'A')
      || setweight(to_tsvector(help_article_config(language), body), 'B')
$$;

-- CreateTable
CREATE TABLE "HelpArticle" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "requestTypes" TEXT[],
    "keywords" TEXT[],
    "document" tsvector GENERATED ALWAYS AS (help_article_document("language", "title", "keywords", "body")) STORED,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpArticle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HelpArticle_document_idx" ON "HelpArticle" USING GIN ("document");

-- CreateIndex
CREATE INDEX "HelpArticle_requestTypes_idx" ON "HelpArticle" USING GIN ("requestTypes");

