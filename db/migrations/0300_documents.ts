import { sql, type Kysely } from 'kysely';

// Documents: bilingual blocks with stable anchors, immutable versions, paragraph comments, published PDFs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE documents (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      body_id bigint NOT NULL REFERENCES bodies (id),
      slug text NOT NULL,
      type text NOT NULL CHECK (type IN ('charter', 'definitions', 'benchmarks', 'guidelines', 'recommendations', 'report', 'other')),
      title jsonb NOT NULL,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'wg-review', 'plenary-review', 'public-input', 'final', 'published')),
      current_version integer NOT NULL DEFAULT 0,
      next_anchor integer NOT NULL DEFAULT 1,
      created_by bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      UNIQUE (process_id, slug)
    );
    CREATE INDEX documents_body_idx ON documents (body_id);

    -- Each version lists its blocks (anchor, kind, and per language a text hash,
    -- revision and basis); the texts themselves are stored once per document.
    CREATE TABLE document_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      number integer NOT NULL,
      state text NOT NULL,
      title jsonb NOT NULL,
      blocks jsonb NOT NULL,
      trailer jsonb NOT NULL DEFAULT '{}',
      edit_kind text NOT NULL CHECK (edit_kind IN ('create', 'edit', 'translate')),
      language text CHECK (language IN ('en', 'fr')),
      note text,
      summary jsonb NOT NULL DEFAULT '{}',
      created_by bigint REFERENCES users (id),
      author_name text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, number)
    );

    CREATE TABLE document_texts (
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      hash text NOT NULL,
      content text NOT NULL,
      html text NOT NULL,
      plain text NOT NULL,
      PRIMARY KEY (document_id, hash)
    );

    -- Every anchor a document ever had, and what became of it: links keep working.
    CREATE TABLE document_anchors (
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      anchor text NOT NULL,
      created_in integer NOT NULL,
      removed_in integer,
      merged_into text,
      split_from text,
      PRIMARY KEY (document_id, anchor)
    );

    CREATE TABLE document_comments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      parent_id bigint REFERENCES document_comments (id) ON DELETE CASCADE,
      anchor text,
      version_number integer NOT NULL,
      quote jsonb NOT NULL DEFAULT '{}',
      body text NOT NULL,
      lang text NOT NULL CHECK (lang IN ('en', 'fr')),
      author_user_id bigint REFERENCES users (id),
      participant_id bigint REFERENCES participants (id),
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by_name text
    );
    CREATE INDEX document_comments_document_idx ON document_comments (document_id, id);

    CREATE TABLE document_pdfs (
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      version_number integer NOT NULL,
      locale text NOT NULL CHECK (locale IN ('en', 'fr')),
      bytes bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, version_number, locale)
    );
  `.execute(db);
}
