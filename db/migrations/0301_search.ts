import { sql, type Kysely } from 'kysely';

// Full-text search: one index table every capability feeds in the same
// transaction as its writes, searched with English and French configurations
// that ignore accents ("réunion" finds "reunions").
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'concert_english') THEN
        CREATE TEXT SEARCH CONFIGURATION concert_english (COPY = pg_catalog.english);
        ALTER TEXT SEARCH CONFIGURATION concert_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'concert_french') THEN
        CREATE TEXT SEARCH CONFIGURATION concert_french (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION concert_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END $$;

    CREATE TABLE search_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      type text NOT NULL,
      key text NOT NULL,
      grp text NOT NULL,
      body_id bigint REFERENCES bodies (id) ON DELETE SET NULL,
      path text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      title_fr text NOT NULL DEFAULT '',
      text_en text NOT NULL DEFAULT '',
      text_fr text NOT NULL DEFAULT '',
      digest text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      tsv_en tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('concert_english'::regconfig, title_en), 'A') || setweight(to_tsvector('concert_english'::regconfig, text_en), 'D')
      ) STORED,
      tsv_fr tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('concert_french'::regconfig, title_fr), 'A') || setweight(to_tsvector('concert_french'::regconfig, text_fr), 'D')
      ) STORED,
      UNIQUE (type, key)
    );
    CREATE INDEX search_entries_en_idx ON search_entries USING gin (tsv_en);
    CREATE INDEX search_entries_fr_idx ON search_entries USING gin (tsv_fr);
    CREATE INDEX search_entries_group_idx ON search_entries (grp);
    CREATE INDEX search_entries_process_idx ON search_entries (process_id, type);
  `.execute(db);
}
